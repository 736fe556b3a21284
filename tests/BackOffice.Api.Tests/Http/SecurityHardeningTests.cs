using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Api.Hosting;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.Recruiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

/// <summary>The security review's findings 4 (secrets outside Development) and 5 (the low ones), one test each.</summary>
[Collection(ApiCollection.Name)]
public class SecurityHardeningTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");

    private static string Random32() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>A Production host: no Development keys, no symmetric JWT key, the fixture's test keys made strong.</summary>
    private WebApplicationFactory<Program> Production(Action<IWebHostBuilder>? configure = null) => api.Variant(b =>
    {
        b.UseEnvironment("Production");
        b.UseSetting("BackOffice:Jwt:SigningKey", "");
        // Every key the shared fixture configures gets a strong value here, so that each case below trips only on its own.
        b.UseSetting("BackOffice:ApiKeys:Keys:100:Key", Random32());
        b.UseSetting("BackOffice:ApiKeys:Keys:50:Key", Random32());
        b.UseSetting("BackOffice:ApiKeys:Keys:60:Key", Random32());
        b.UseSetting("BackOffice:ApiKeys:Keys:61:Key", Random32());
        b.UseSetting("BackOffice:ApiKeys:Keys:70:Key", Random32());
        b.UseSetting("BackOffice:ApiKeys:Keys:71:Key", Random32());
        configure?.Invoke(b);
    });

    [Fact]
    public async Task Outside_development_weak_or_development_secrets_stop_the_start_up()
    {
        using (var host = api.Variant(b => b.UseEnvironment("Production")))
            Should.Throw<Exception>(() => host.CreateClient()).ToString().ShouldContain("BackOffice:Jwt:SigningKey");
        using (var host = Production(b => b.UseSetting("BackOffice:ApiKeys:Keys:100:Key", "fuzz-admin-key")))
            Should.Throw<Exception>(() => host.CreateClient()).ToString().ShouldContain("shorter than 32 characters");
        using (var host = Production(b =>
               {
                   b.UseSetting("BackOffice:ApiKeys:Keys:101:Key", "a-user-whose-key-is-its-own-name-0001");
                   b.UseSetting("BackOffice:ApiKeys:Keys:101:User", "a-user-whose-key-is-its-own-name-0001");
                   b.UseSetting("BackOffice:ApiKeys:Keys:101:Tenant", "demo");
               }))
            Should.Throw<Exception>(() => host.CreateClient()).ToString().ShouldContain("equals its user name");
        using (var host = Production(b => b.UseSetting("BackOffice:Audit:HmacKey", AuditKeys.DevelopmentKey)))
            Should.Throw<Exception>(() => host.CreateClient()).ToString().ShouldContain("Development key");
        using (var host = Production(b => b.UseSetting("BackOffice:Audit:RetiredKeys:k0", AuditKeys.DevelopmentKey)))
            Should.Throw<Exception>(() => host.CreateClient()).ToString().ShouldContain("Development key");

        // Strong secrets start; the Development keys do not exist there.
        using var good = Production();
        var anonymous = good.CreateClient();
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin");
        await (await anonymous.GetAsync("/api/supply-items")).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task A_route_without_a_policy_is_closed_and_health_and_the_openapi_document_are_anonymous_by_choice()
    {
        var anonymous = api.CreateClient();
        await (await anonymous.GetAsync("/api/no-such-route")).ShouldBeProblem(401, "unauthenticated");
        var noRole = api.CreateClient();
        noRole.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(roles: []));
        await (await noRole.GetAsync("/api/no-such-route")).ShouldBeProblem(403, "forbidden");

        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var fallback = api.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy.ShouldNotBeNull();
        fallback.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().ShouldNotBeEmpty();
        // Every endpoint names its policy or says it is anonymous.
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(20);
        foreach (var endpoint in endpoints)
            (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                .ShouldBeTrue(endpoint.RoutePattern.RawText);
    }

    [Fact]
    public async Task An_api_key_may_be_configured_as_its_sha256()
    {
        const string secret = "a-key-known-only-by-its-hash-0123456789";
        using var host = api.Variant(b =>
        {
            b.UseSetting("BackOffice:ApiKeys:Keys:101:KeyHash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
            b.UseSetting("BackOffice:ApiKeys:Keys:101:User", "hashed-clerk");
            b.UseSetting("BackOffice:ApiKeys:Keys:101:Tenant", "demo");
            b.UseSetting("BackOffice:ApiKeys:Keys:101:Roles:0", "clerk");
        });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var id = await client.Register();
        await using var session = api.Store.QuerySession("demo");
        (await session.Events.FetchStreamAsync(id)).Single().UserName.ShouldBe("hashed-clerk");

        var hashItself = host.CreateClient();
        hashItself.DefaultRequestHeaders.Add("X-Api-Key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        await (await hashItself.GetAsync("/api/supply-items")).ShouldBeProblem(401, "unauthenticated");
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("1000001")]
    public async Task A_huge_page_is_400_naming_page(string page)
    {
        var problem = await (await clerk.GetAsync($"/api/supply-items?page={page}&pageSize=200")).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").TryGetProperty("page", out _).ShouldBeTrue();
        await (await clerk.GetAsync($"/api/reorders?page={page}")).ShouldBeProblem(400, "validation-failed");
        (await clerk.GetAsync("/api/supply-items?page=1000000&pageSize=200")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_idempotency_scope_is_the_route_whatever_the_case_of_the_path()
    {
        var id = await clerk.Register();
        var key = "case-" + Guid.NewGuid();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 5 }, h => h.Add("Idempotency-Key", key)).Ok();
        var again = await clerk.PostJson($"/API/SUPPLY-ITEMS/{id.ToString().ToUpperInvariant()}/Receipts", new { quantity = 5 }, h => h.Add("Idempotency-Key", key));
        ((int)again.StatusCode).ShouldBe(200);
        again.Headers.GetValues("Idempotency-Replayed").Single().ShouldBe("true");
        var state = await clerk.GetItem(id);
        state.OnHand.ShouldBe(5);

        // The same key on another item is another scope: applied, not replayed.
        var other = await clerk.Register();
        await clerk.PostJson($"/api/supply-items/{other}/receipts", new { quantity = 5 }, h => h.Add("Idempotency-Key", key)).Ok();
        (await clerk.GetItem(other)).OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task The_stored_body_hash_is_keyed_with_a_server_secret()
    {
        var body = $$"""{"sku":"H-{{Guid.NewGuid():N}}","name":"Hash probe","unit":"box","category":"probe","location":"L1","reorderPoint":1,"reorderQuantity":2}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/supply-items") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "hash-" + Guid.NewGuid());
        ((int)(await clerk.SendAsync(request)).StatusCode).ShouldBe(201);

        var bytes = Encoding.UTF8.GetBytes(body);
        var derived = HMACSHA256.HashData(Encoding.UTF8.GetBytes("test-audit-hmac-key-for-api-tests-0123456789"), "backoffice-idempotency-body-hash-v1"u8);
        (await Count(Convert.ToHexString(SHA256.HashData(bytes)))).ShouldBe(0, "a plain SHA-256 is a fingerprint anyone can confirm by guessing");
        (await Count(Convert.ToHexString(HMACSHA256.HashData(derived, bytes)))).ShouldBe(1);

        static async Task<long> Count(string hash)
        {
            await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select count(*) from api_tests.bo_idempotency where upper(request_hash) = $1", connection);
            command.Parameters.AddWithValue(hash);
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }

    [Fact]
    public async Task An_x_reason_with_control_characters_is_400()
    {
        var id = await clerk.Register();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/supply-items/{id}/receipts") { Content = JsonContent(new { quantity = 1 }) };
        request.Headers.TryAddWithoutValidation("X-Reason", "restock\tforged-column").ShouldBeTrue();
        var problem = await (await clerk.SendAsync(request)).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").TryGetProperty("X-Reason", out _).ShouldBeTrue();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, h => h.Add("X-Reason", "restock after audit")).Ok();
    }

    [Fact]
    public async Task An_interview_has_at_most_twenty_interviewers()
    {
        var hr = api.As("demo-hr");
        var c = await hr.Shortlisted(await hr.Opening());
        var many = Enumerable.Range(1, 21).Select(n => $"interviewer-{n}").ToArray();
        var problem = await (await hr.PostJson($"/api/candidates/{c.Id}/interviews", new { at = RecruitingApi.At(), interviewers = many, location = "R1" }))
            .ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").TryGetProperty("interviewers", out _).ShouldBeTrue();
        await hr.PostJson($"/api/candidates/{c.Id}/interviews", new { at = RecruitingApi.At(), interviewers = many[..20], location = "R1" }).Ok<BackOffice.Api.Recruiting.ScheduleInterviewEndpoint.Response>();
    }

    [Fact]
    public async Task A_stock_issue_names_only_a_department_or_employee_of_the_tenant()
    {
        var id = await clerk.Stocked(20);
        foreach (var (field, body) in new (string, object)[]
                 {
                     ("departmentId", new { quantity = 1, departmentId = Guid.NewGuid() }),
                     ("employeeId", new { quantity = 1, employeeId = Guid.NewGuid() }),
                     ("departmentId", new { quantity = 1, departmentId = await api.As("acme-admin").Department() }),
                 })
        {
            var problem = await (await clerk.PostJson($"/api/supply-items/{id}/issues", body)).ShouldBeProblem(400, "validation-failed");
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 1, departmentId = await api.As("demo-hr").Department() }).Ok<BackOffice.Api.Inventory.IssueStockEndpoint.Response>();
        (await clerk.GetItem(id)).OnHand.ShouldBe(19);
    }

    [Fact]
    public async Task Responses_carry_the_isolation_headers_hsts_over_https_and_no_server_header()
    {
        var response = await api.CreateClient().GetAsync("/health/live");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        response.Headers.GetValues("Cross-Origin-Opener-Policy").Single().ShouldBe("same-origin");
        response.Headers.GetValues("Cross-Origin-Resource-Policy").Single().ShouldBe("same-origin");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("not over plain HTTP");
        response.Headers.Contains("Server").ShouldBeFalse();
        var problem = await api.CreateClient().GetAsync("/api/supply-items");
        problem.Headers.GetValues("Cross-Origin-Resource-Policy").Single().ShouldBe("same-origin");

        var https = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        (await https.GetAsync("/health/live")).Headers.GetValues("Strict-Transport-Security").Single().ShouldBe(SecurityHeaders.StrictTransportSecurity);
        api.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
    }

    [Fact]
    public async Task Readiness_answers_from_a_result_at_most_a_second_old()
    {
        var readiness = api.Services.GetRequiredService<CachedReadiness>();
        var client = api.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = readiness.Queries;
        var probes = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync("/health/ready")));
        probes.ShouldAllBe(p => p.StatusCode == HttpStatusCode.OK);
        // 30 probes in well under a second or two: one database query at most per second elapsed.
        (readiness.Queries - before).ShouldBeLessThanOrEqualTo(2);
    }

    private static StringContent JsonContent(object body)
        => new(System.Text.Json.JsonSerializer.Serialize(body, HttpAssertions.Json), Encoding.UTF8, "application/json");
}
