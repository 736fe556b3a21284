using System.Net.Http.Headers;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Domain.Inventory;
using Marten;
using Microsoft.AspNetCore.Hosting;

namespace BackOffice.Api.Tests.Http;

[Collection(ApiCollection.Name)]
public class IdentityTests(ApiFixture api)
{
    private HttpClient Bearer(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_valid_jwt_acts_as_its_subject_in_its_tenant_with_its_roles()
    {
        var client = Bearer(TestTokens.Create(sub: "jwt-clerk-7", tenant: "demo", roles: ["clerk"]));
        var id = await client.Register();
        await using var session = api.Store.QuerySession("demo");
        (await session.Events.FetchStreamAsync(id)).Single().UserName.ShouldBe("jwt-clerk-7");
        (await session.LoadAsync<SupplyItem>(id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_user_is_the_subject_never_the_display_name()
    {
        var client = Bearer(TestTokens.Create(sub: "subject-1", name: "demo-manager", roles: ["clerk"]));
        var id = await client.Register();
        await using var session = api.Store.QuerySession("demo");
        (await session.Events.FetchStreamAsync(id)).Single().UserName.ShouldBe("subject-1");
    }

    [Fact]
    public async Task A_jwt_of_another_tenant_sees_nothing_of_demo()
    {
        var id = await api.As("demo-clerk").Register();
        await (await Bearer(TestTokens.Create(tenant: "acme", roles: ["admin"])).GetAsync($"/api/supply-items/{id}")).ShouldBeProblem(404, "not-found");
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("wrong-key")]
    [InlineData("expired")]
    [InlineData("garbage")]
    public async Task An_invalid_jwt_is_401(string flaw)
    {
        var token = flaw switch
        {
            "wrong-audience" => TestTokens.Create(audience: "someone-else"),
            "wrong-key" => TestTokens.Create(key: "another-signing-key-that-is-long-enough-0123456789"),
            "expired" => TestTokens.Create(expires: DateTime.UtcNow.AddHours(-1)),
            _ => "not.a.jwt",
        };
        await (await Bearer(token).PostJson("/api/supply-items", InventoryApi.NewItem())).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task A_jwt_without_the_role_is_403()
        => await (await Bearer(TestTokens.Create(roles: ["auditor"])).PostJson("/api/supply-items", InventoryApi.NewItem())).ShouldBeProblem(403, "forbidden");

    [Theory]
    [InlineData("no-tenant")]
    [InlineData("empty-tenant")]
    [InlineData("blank-tenant")]
    [InlineData("no-sub")]
    [InlineData("empty-sub")]
    [InlineData("wrong-issuer")]
    [InlineData("hs384")]
    public async Task A_jwt_without_subject_or_tenant_from_another_issuer_or_algorithm_is_401(string flaw)
    {
        var token = flaw switch
        {
            "no-tenant" => TestTokens.Create(tenant: null),
            "empty-tenant" => TestTokens.Create(tenant: ""),
            "blank-tenant" => TestTokens.Create(tenant: " "),
            "no-sub" => TestTokens.Create(sub: null, name: "demo-clerk"),
            "empty-sub" => TestTokens.Create(sub: ""),
            "wrong-issuer" => TestTokens.Create(issuer: "someone-else"),
            _ => TestTokens.Create(algorithm: Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha384),
        };
        await (await Bearer(token).GetAsync("/api/supply-items")).ShouldBeProblem(401, "unauthenticated");
    }

    [Theory]
    [InlineData("BackOffice:Jwt:Issuer")]
    [InlineData("BackOffice:Jwt:Audience")]
    public void Bearer_tokens_need_both_issuer_and_audience_configured(string missing)
    {
        using var host = api.Variant(b => b.UseSetting(missing, ""));
        Should.Throw<Exception>(() => host.CreateClient()).ToString().ShouldContain("BackOffice:Jwt:Issuer and BackOffice:Jwt:Audience");
    }

    [Fact]
    public async Task Every_role_can_read_but_only_clerk_and_admin_write_inventory()
    {
        var id = await api.As("demo-clerk").Register();
        foreach (var role in new[] { "clerk", "hr", "accountant", "it", "manager", "auditor", "admin" })
            (await api.As($"demo-{role}").GetAsync($"/api/supply-items/{id}")).IsSuccessStatusCode.ShouldBeTrue(role);
        foreach (var role in new[] { "hr", "accountant", "it", "manager", "auditor" })
            await (await api.As($"demo-{role}").PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 })).ShouldBeProblem(403, "forbidden");
    }
}
