using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using BackOffice.Api.Tests.Http.Conformance;

namespace BackOffice.Api.Tests;

/// <summary>
/// One API host for the whole test run, against the real PostgreSQL given by BACKOFFICE_TEST_CONNECTION
/// (scripts/test.sh starts a throwaway one). Tests isolate themselves by creating their own aggregates.
/// </summary>
public sealed class ApiFixture : WebApplicationFactory<Program>
{
    public const string FuzzKey = "fuzz-admin-key";
    public const string FuzzTenant = "fuzz";
    public const string JwtSigningKey = "test-signing-key-for-backoffice-tests-only-0123456789";

    private static string Given =>
        Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
        ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");

    /// <summary>
    /// The host's main database: BACKOFFICE_TEST_CONNECTION; with a database per tenant, a database of its own beside it
    /// (<c>…_main</c>, holding Wolverine's nodes only), so that a run after a conjoined one starts clean.
    /// </summary>
    public static string Connection => DatabasePerTenant ? WithDatabase("main") : Given;

    /// <summary>
    /// <c>BACKOFFICE_TEST_TENANCY=DatabasePerTenant</c> (scripts/test.sh's second run of this suite): the host maps the
    /// tests' tenants to two tenant databases beside the main one (<see cref="TenantDatabases"/>), created when missing.
    /// </summary>
    public static bool DatabasePerTenant =>
        string.Equals(Environment.GetEnvironmentVariable("BACKOFFICE_TEST_TENANCY"), "DatabasePerTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>Spare tenants, mapped in both modes, for tests that need a tenant nobody else writes to.</summary>
    private static readonly string[] Spares = [.. Enumerable.Range(1, 12).Select(i => $"spare-{i}")];
    private static int spareTaken;

    /// <summary>
    /// A tenant no other test writes to: <paramref name="prefix"/> and a random suffix when conjoined; one of the mapped
    /// spares with a database per tenant (where a tenant must be mapped to be served).
    /// </summary>
    public static string FreshTenant(string prefix)
    {
        if (!DatabasePerTenant) return prefix + Guid.NewGuid().ToString("N")[..8];
        var taken = Interlocked.Increment(ref spareTaken);
        if (taken > Spares.Length) throw new InvalidOperationException("Map more spare tenants in ApiFixture.");
        return Spares[taken - 1];
    }

    /// <summary>The two tenant databases and their tenants (database per tenant mode).</summary>
    public static readonly (string Id, string Database, string[] Tenants)[] TenantDatabases =
    [
        ("tenants-a", "tenants_a", ["demo", FuzzTenant, "tamper", "books", .. Spares[..6]]),
        ("tenants-b", "tenants_b", ["acme", "hooks", .. Spares[6..]]),
    ];

    private static string WithDatabase(string database)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(Given);
        csb.Database = $"{csb.Database}_{database}";
        return csb.ConnectionString;
    }

    /// <summary>The database holding <paramref name="tenant"/>'s data (the main one when conjoined).</summary>
    public static string ConnectionFor(string tenant)
        => !DatabasePerTenant ? Connection
            : TenantDatabases.FirstOrDefault(d => d.Tenants.Contains(tenant)) is { Id: not null } d ? WithDatabase(d.Database)
            : throw new InvalidOperationException($"Tenant {tenant} is not mapped in ApiFixture.TenantDatabases.");

    /// <summary>Every database the host writes to: the main one, and the tenant databases.</summary>
    public static string[] AllDatabases => DatabasePerTenant ? [Connection, .. TenantDatabases.Select(d => WithDatabase(d.Database))] : [Connection];

    private static void CreateTenantDatabases()
    {
        foreach (var database in TenantDatabases.Select(d => d.Database).Prepend("main")) DatabaseBeside(database);
    }

    /// <summary>
    /// The connection string of the database <c>&lt;BACKOFFICE_TEST_CONNECTION's database&gt;_<paramref name="suffix"/></c>
    /// in the same PostgreSQL, created when missing.
    /// </summary>
    public static string DatabaseBeside(string suffix)
    {
        var beside = WithDatabase(suffix);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(beside).Database!;
        using var connection = new Npgsql.NpgsqlConnection(Given);
        connection.Open();
        using var exists = new Npgsql.NpgsqlCommand("select count(*) from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(name);
        if ((long)exists.ExecuteScalar()! == 0)
        {
            using var create = new Npgsql.NpgsqlCommand($"create database \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        return beside;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Every answer any test receives, from this host or a variant, is checked against the served OpenAPI document.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ContractConformance>());
        builder.UseSetting("BACKOFFICE_CONNECTION", Connection);
        if (DatabasePerTenant)
        {
            CreateTenantDatabases();
            builder.UseSetting("BackOffice:Tenancy", "DatabasePerTenant");
            foreach (var (id, database, tenants) in TenantDatabases)
            {
                builder.UseSetting($"BackOffice:TenantDatabases:{id}:ConnectionString", WithDatabase(database));
                for (var i = 0; i < tenants.Length; i++) builder.UseSetting($"BackOffice:TenantDatabases:{id}:Tenants:{i}", tenants[i]);
            }
        }
        builder.UseSetting("BackOffice:Schema", "api_tests");
        builder.UseSetting("BackOffice:Daemon", "Solo");
        // The tests' own clients are not what the rate limit is for (FailureModeTests checks it with a limit of its own).
        builder.UseSetting("BackOffice:RateLimit:PermitLimit", "1000000");
        // Help-desk deadlines are durable scheduled messages: poll them every second (default 5 s).
        builder.UseSetting("BackOffice:Wolverine:ScheduledPollingSeconds", "1");
        // The projection lag gauges read every 200 ms while a test listens (default 10 s).
        builder.UseSetting("BackOffice:Telemetry:ProjectionLagSeconds", "0.2");
        builder.UseSetting("BackOffice:Jwt:SigningKey", JwtSigningKey);
        builder.UseSetting("BackOffice:Jwt:Audience", "backoffice");
        builder.UseSetting("BackOffice:Jwt:Issuer", "backoffice-tests");
        builder.UseSetting("BackOffice:Jwt:RequireHttpsMetadata", "false");
        // A tenant of its own for tests that count everything stored (fuzzing), beside the Development keys.
        builder.UseSetting("BackOffice:ApiKeys:Keys:100:Key", FuzzKey);
        builder.UseSetting("BackOffice:ApiKeys:Keys:100:User", "fuzz-admin");
        builder.UseSetting("BackOffice:ApiKeys:Keys:100:Tenant", FuzzTenant);
        builder.UseSetting("BackOffice:ApiKeys:Keys:100:Roles:0", "admin");
        builder.UseSetting("BackOffice:Audit:HmacKey", "test-audit-hmac-key-for-api-tests-0123456789");
        builder.UseSetting("BackOffice:Audit:CheckpointEvery", "1");
        // A tenant of its own for the test that tampers with stored events (its chain stays broken).
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:Key", "tamper-admin");
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:User", "tamper-admin");
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:Tenant", "tamper");
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:Roles:0", "admin");
        // A tenant of its own for the ledger's textbook month (its period close must not close other tests' books).
        builder.UseSetting("BackOffice:ApiKeys:Keys:60:Key", "books-accountant");
        builder.UseSetting("BackOffice:ApiKeys:Keys:60:User", "books-accountant");
        builder.UseSetting("BackOffice:ApiKeys:Keys:60:Tenant", "books");
        builder.UseSetting("BackOffice:ApiKeys:Keys:60:Roles:0", "accountant");
        builder.UseSetting("BackOffice:ApiKeys:Keys:61:Key", "books-manager");
        builder.UseSetting("BackOffice:ApiKeys:Keys:61:User", "books-manager");
        builder.UseSetting("BackOffice:ApiKeys:Keys:61:Tenant", "books");
        builder.UseSetting("BackOffice:ApiKeys:Keys:61:Roles:0", "manager");
        // A tenant of its own for the webhook tests (their subscriptions see only their own events).
        builder.UseSetting("BackOffice:ApiKeys:Keys:70:Key", "hooks-integrator");
        builder.UseSetting("BackOffice:ApiKeys:Keys:70:User", "hooks-integrator");
        builder.UseSetting("BackOffice:ApiKeys:Keys:70:Tenant", "hooks");
        builder.UseSetting("BackOffice:ApiKeys:Keys:70:Roles:0", "integrator");
        builder.UseSetting("BackOffice:ApiKeys:Keys:71:Key", "hooks-clerk");
        builder.UseSetting("BackOffice:ApiKeys:Keys:71:User", "hooks-clerk");
        builder.UseSetting("BackOffice:ApiKeys:Keys:71:Tenant", "hooks");
        builder.UseSetting("BackOffice:ApiKeys:Keys:71:Roles:0", "clerk");
        // Webhooks: receivers on 127.0.0.1 only; fast polling and retries; suspended after 3 s of failures (default 24 h).
        builder.UseSetting("BackOffice:Webhooks:AllowedHosts:0", "127.0.0.1");
        builder.UseSetting("BackOffice:Webhooks:AllowedHosts:1", "127.0.0.1");
        builder.UseSetting("BackOffice:Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("BackOffice:Webhooks:RetryBaseDelay", "00:00:00.100");
        builder.UseSetting("BackOffice:Webhooks:RetryMaxDelay", "00:00:00.400");
        builder.UseSetting("BackOffice:Webhooks:SuspendAfter", "00:00:03");
    }

    /// <summary>
    /// A second host with other settings, on the same database. Its async daemon is off: only the shared host
    /// runs projections, so that waiting for them stays deterministic.
    /// </summary>
    public WebApplicationFactory<Program> Variant(Action<IWebHostBuilder> configure) => WithWebHostBuilder(b =>
    {
        b.UseSetting("BackOffice:Daemon", "Disabled");
        b.UseSetting("BackOffice:Wolverine:DurabilityAgent", "false");   // the shared host alone recovers and fires scheduled envelopes
        b.UseSetting("BackOffice:Webhooks:Dispatch", "false");   // the shared host alone delivers webhooks
        configure(b);
    });

    /// <summary>A client sending <c>X-Api-Key: key</c>.</summary>
    public HttpClient As(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>
    /// Waits until the async projections have caught up in every database holding events (Marten's wait times out on a
    /// tenant database no test has written to yet).
    /// </summary>
    public Task WaitForProjections(TimeSpan timeout) => WaitForProjections(Store, timeout);

    /// <inheritdoc cref="WaitForProjections(TimeSpan)"/>
    public static async Task WaitForProjections(IDocumentStore store, TimeSpan timeout)
    {
        foreach (var database in await store.Storage.AllDatabases())
        {
            await using (var connection = database.CreateConnection())
            {
                await connection.OpenAsync();
                await using var any = new Npgsql.NpgsqlCommand($"select exists (select 1 from {store.Options.Events.DatabaseSchemaName}.mt_events)", connection);
                if (!(bool)(await any.ExecuteScalarAsync())!) continue;
            }
            await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(database, timeout);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>
    /// How response bodies are read into the endpoints' records: <see cref="Json"/>, and strict — every constructor
    /// parameter must be present (an absent member is not read as null), no member the record does not know, and no
    /// null where the record says non-null. A typed read thus checks the body's shape as well as its values.
    /// </summary>
    public static readonly JsonSerializerOptions Read = new(Json)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The body, read into the endpoint's own response record (see <see cref="Read"/>), after checking the status.</summary>
    public static async Task<T> ShouldBe<T>(this HttpResponseMessage response, int status) where T : class
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        try
        {
            return JsonSerializer.Deserialize<T>(body, Read).ShouldNotBeNull();
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"The body is not a {typeof(T).Name}: {e.Message}\n{body}", e);
        }
    }

    /// <summary>The 200 body of <paramref name="response"/>, read into <typeparamref name="T"/>.</summary>
    public static async Task<T> Ok<T>(this Task<HttpResponseMessage> response) where T : class => await (await response).ShouldBe<T>(200);

    /// <summary>The 200 body of a command that answers only its stream's id and version.</summary>
    public static Task<CommandResponse> Ok(this Task<HttpResponseMessage> response) => response.Ok<CommandResponse>();

    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        return problem;
    }

    public static async Task<JsonElement> ShouldBeJson(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        headers?.Invoke(request.Headers);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string body, string contentType = "application/json")
        => client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, contentType));
}
