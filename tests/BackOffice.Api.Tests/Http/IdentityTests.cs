using System.Net.Http.Headers;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Domain.Inventory;
using Marten;

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
    public async Task The_jwt_name_claim_names_the_user_when_present()
    {
        var client = Bearer(TestTokens.Create(sub: "subject-1", name: "named-user", roles: ["clerk"]));
        var id = await client.Register();
        await using var session = api.Store.QuerySession("demo");
        (await session.Events.FetchStreamAsync(id)).Single().UserName.ShouldBe("named-user");
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

    [Fact]
    public async Task A_jwt_without_a_tenant_is_403()
        => await (await Bearer(TestTokens.Create(tenant: null, roles: ["clerk"])).PostJson("/api/supply-items", InventoryApi.NewItem())).ShouldBeProblem(403, "forbidden");

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
