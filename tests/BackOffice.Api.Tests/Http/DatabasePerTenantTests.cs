using System.Net;
using BackOffice.Api.Hosting;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Projections.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

/// <summary>
/// <c>BackOffice:Tenancy=DatabasePerTenant</c> (ADR 26): each tenant's events, snapshots, read models, audit trail and
/// chain, idempotency records and personal data are in its own database, and nowhere else. When the suite runs in that
/// mode (scripts/test.sh's second run) the shared host is checked; otherwise a host of its own maps <c>demo</c> and
/// <c>acme</c> to two databases of their own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DatabasePerTenantTests(ApiFixture api) : IAsyncLifetime
{
    private const string Schema = "api_tests";
    private WebApplicationFactory<Program>? own;
    private Func<string, string> connectionFor = ApiFixture.ConnectionFor;

    private WebApplicationFactory<Program> Host => own ?? (WebApplicationFactory<Program>)api;

    public Task InitializeAsync()
    {
        if (ApiFixture.DatabasePerTenant) return Task.CompletedTask;
        var databases = new Dictionary<string, string> { ["demo"] = ApiFixture.DatabaseBeside("iso_demo"), ["acme"] = ApiFixture.DatabaseBeside("iso_acme") };
        connectionFor = tenant => databases[tenant];
        own = api.Variant(b =>
        {
            b.UseSetting("BackOffice:Schema", "tenancy_tests");
            b.UseSetting("BackOffice:Daemon", "Solo");   // its own databases: its own daemon and durability agent
            b.UseSetting("BackOffice:Wolverine:DurabilityAgent", "true");
            b.UseSetting("BackOffice:Tenancy", "DatabasePerTenant");
            foreach (var (tenant, connection) in databases)
            {
                b.UseSetting($"BackOffice:TenantDatabases:{tenant}-db:ConnectionString", connection);
                b.UseSetting($"BackOffice:TenantDatabases:{tenant}-db:Tenants:0", tenant);
            }
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (own is not null) await own.DisposeAsync();
    }

    private string SchemaName => own is null ? Schema : "tenancy_tests";

    private HttpClient As(string key)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task A_tenants_data_is_in_its_own_database_only()
    {
        var demo = As("demo-clerk");
        var acme = As("acme-admin");
        var sku = "ISO-" + RecruitingApi.Tag();
        var registered = await demo.PostJson("/api/supply-items", InventoryApi.NewItem(sku), h => h.Add("Idempotency-Key", "iso-" + sku));
        var demoItem = (await registered.ShouldBe<CommandResponse>(201)).Id;
        // The same SKU in the other tenant: unique per tenant, and the other tenant's rows are in another database.
        var acmeItem = (await (await acme.PostJson("/api/supply-items", InventoryApi.NewItem(sku))).ShouldBe<CommandResponse>(201)).Id;
        await demo.PostJson($"/api/supply-items/{demoItem}/receipts", new { quantity = 10 }).Ok();
        var hr = As("demo-hr");
        var applicant = await hr.Apply(await hr.Opening());

        (await Count("demo", "mt_streams", demoItem)).ShouldBe(1);
        (await Count("acme", "mt_streams", demoItem)).ShouldBe(0);
        (await Count("acme", "mt_streams", acmeItem)).ShouldBe(1);
        (await Count("demo", "mt_streams", acmeItem)).ShouldBe(0);
        (await Count("demo", "mt_events", demoItem)).ShouldBe(2);
        (await Count("acme", "mt_events", acmeItem)).ShouldBe(1);
        (await Count("demo", "mt_doc_supplyitem", demoItem)).ShouldBe(1);
        (await Count("acme", "mt_doc_supplyitem", demoItem)).ShouldBe(0);
        (await Scalar<long>("demo", $"select count(*) from {SchemaName}.bo_idempotency where tenant_id = 'demo'")).ShouldBeGreaterThan(0);
        (await Scalar<long>("acme", $"select count(*) from {SchemaName}.bo_idempotency where tenant_id = 'demo'")).ShouldBe(0);
        (await Scalar<long>("acme", $"select count(*) from {SchemaName}.mt_events where tenant_id = 'demo'")).ShouldBe(0);
        (await Scalar<long>("demo", $"select count(*) from {SchemaName}.mt_events where tenant_id = 'acme'")).ShouldBe(0);

        // The main database holds no tenant's data: Wolverine's nodes only.
        (await Scalar<bool>(null, $"select to_regclass('{SchemaName}.mt_events') is null")).ShouldBeTrue();
        (await Scalar<bool>(null, $"select to_regclass('{SchemaName}.wolverine_nodes') is not null")).ShouldBeTrue();

        // Personal data: in the candidate's tenant's database only.
        (await DatabaseDump.AllTextAsync(connectionFor("demo"))).ShouldContain(applicant.Email);
        await DatabaseDump.ShouldContainNoneOf([connectionFor("acme"), ApiFixture.Connection], applicant.Email, applicant.Name);

        // The audit trail and the chain of each tenant are in its database, and each verifies.
        await ApiFixture.WaitForProjections(Host.Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));
        (await Scalar<long>("demo", $"select count(*) from {SchemaName}.mt_doc_auditentry where data ->> 'StreamId' = '{demoItem}' or data ->> 'streamId' = '{demoItem}'"))
            .ShouldBe(2);
        (await Scalar<long>("acme", $"select count(*) from {SchemaName}.{HashChain.LinkTable} where tenant_id = 'demo'")).ShouldBe(0);
        (await Scalar<long>("acme", $"select count(*) from {SchemaName}.{HashChain.LinkTable} where tenant_id = 'acme'")).ShouldBeGreaterThan(0);
        var demoChain = await As("demo-auditor").GetAsync("/api/audit/verify").Ok<ChainVerification>();
        demoChain.Valid.ShouldBeTrue();
        var acmeChain = await acme.GetAsync("/api/audit/verify").Ok<ChainVerification>();
        acmeChain.Valid.ShouldBeTrue();
        acmeChain.CheckedEvents.ShouldBe(await Scalar<long>("acme", $"select count(*) from {SchemaName}.mt_events where tenant_id = 'acme'"));
    }

    [Fact]
    public async Task A_tenant_mapped_to_no_database_is_not_served()
    {
        var stranger = Host.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(sub: "someone", tenant: "unmapped-" + RecruitingApi.Tag(), roles: ["clerk"]));
        var response = await stranger.GetAsync("/api/supply-items");
        await response.ShouldBeProblem(401, "unauthenticated");
        var mapped = Host.CreateClient();
        mapped.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(sub: "someone", tenant: "demo", roles: ["clerk"]));
        ((int)(await mapped.GetAsync("/api/supply-items")).StatusCode).ShouldBe((int)HttpStatusCode.OK);
    }

    [Fact]
    public void The_map_is_checked_at_start_up()
    {
        var main = ApiFixture.Connection;
        using var source = NpgsqlDataSource.Create(main);
        TenantDatabases Map(params (string Key, string Value)[] settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(
                settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("BackOffice:Tenancy", "DatabasePerTenant"))).Build();
            return TenantDatabases.From(configuration, main, source);
        }
        string Other(string database) => new NpgsqlConnectionStringBuilder(main) { Database = database }.ConnectionString;

        Should.Throw<InvalidOperationException>(() => Map()).Message.ShouldContain("maps no database");
        Should.Throw<InvalidOperationException>(() => Map(("BackOffice:TenantDatabases:a:ConnectionString", main), ("BackOffice:TenantDatabases:a:Tenants:0", "t")))
            .Message.ShouldContain("is the main database");
        Should.Throw<InvalidOperationException>(() => Map(
                ("BackOffice:TenantDatabases:a:ConnectionString", Other("x")), ("BackOffice:TenantDatabases:a:Tenants:0", "t"),
                ("BackOffice:TenantDatabases:b:ConnectionString", Other("y")), ("BackOffice:TenantDatabases:b:Tenants:0", "t")))
            .Message.ShouldContain("mapped to two databases");
        Should.Throw<InvalidOperationException>(() => Map(("BackOffice:TenantDatabases:a:ConnectionString", Other("x"))))
            .Message.ShouldContain("lists no tenant");
        var map = Map(("BackOffice:TenantDatabases:a:ConnectionString", Other("x")), ("BackOffice:TenantDatabases:a:Tenants:0", "t"),
            ("BackOffice:TenantDatabases:a:Tenants:1", "u"), ("BackOffice:TenantDatabases:b:ConnectionString", Other("y")), ("BackOffice:TenantDatabases:b:Tenants:0", "v"));
        map.Of("u").Id.ShouldBe("a");
        map.Of("v").Id.ShouldBe("b");
        map.Serves("w").ShouldBeFalse();
        Should.Throw<UnknownTenantException>(() => map.Of("w"));
    }

    private async Task<long> Count(string tenant, string table, Guid id)
    {
        var column = table == "mt_events" ? "stream_id" : "id";
        return await Scalar<long>(tenant, $"select count(*) from {SchemaName}.{table} where {column} = '{id}'");
    }

    private async Task<T> Scalar<T>(string? tenant, string sql)
    {
        await using var connection = new NpgsqlConnection(tenant is null ? ApiFixture.Connection : connectionFor(tenant));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
