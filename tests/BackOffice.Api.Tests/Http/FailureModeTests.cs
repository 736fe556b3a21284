using System.Net;
using BackOffice.Api.Tests.Inventory;

namespace BackOffice.Api.Tests.Http;

[Collection(ApiCollection.Name)]
public class FailureModeTests(ApiFixture api)
{
    [Fact]
    public async Task Over_the_rate_limit_is_429_with_retry_after()
    {
        using var host = api.Variant(b =>
        {
            b.UseSetting("BackOffice:RateLimit:PermitLimit", "3");
            b.UseSetting("BackOffice:RateLimit:WindowSeconds", "60");
        });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        var other = host.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin");
        var id = Guid.NewGuid();
        for (var i = 0; i < 3; i++) (await client.GetAsync($"/api/supply-items/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var limited = await client.GetAsync($"/api/supply-items/{id}");
        await limited.ShouldBeProblem(429, "rate-limited");
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await other.GetAsync($"/api/supply-items/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);   // per key
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);                  // not /api
    }

    [Fact]
    public async Task An_unreachable_database_is_503_with_retry_after_never_500()
    {
        using var host = api.Variant(b =>
        {
            b.UseSetting("BACKOFFICE_CONNECTION", "Host=127.0.0.1;Port=1;Database=none;Username=postgres;Timeout=2");
            b.UseSetting("BackOffice:ApplySchemaOnStartup", "false");
            b.UseSetting("BackOffice:Daemon", "Disabled");
        });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        var read = await client.GetAsync($"/api/supply-items/{Guid.NewGuid()}");
        await read.ShouldBeProblem(503, "unavailable");
        read.Headers.GetValues("Retry-After").Single().ShouldNotBeNullOrEmpty();
        var write = await client.PostJson("/api/supply-items", InventoryApi.NewItem());
        await write.ShouldBeProblem(503, "unavailable");
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_writer_that_keeps_losing_the_lock_gets_409_concurrency_conflict_after_bounded_retries()
    {
        using var host = api.Variant(b => b.UseSetting("BackOffice:LockTimeoutMs", "200"));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        var id = await client.Register();
        await using var streamLock = await StreamLock.Hold(id);
        await (await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 })).ShouldBeProblem(409, "concurrency-conflict");
        await streamLock.Release();
        await (await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 })).ShouldBe<CommandResponse>(200);
    }

    [Fact]
    public async Task An_invalid_if_match_is_400()
    {
        var clerk = api.As("demo-clerk");
        var id = await clerk.Register();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, h => h.TryAddWithoutValidation("If-Match", "abc")))
            .ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task An_overlong_reason_or_correlation_id_is_400()
    {
        var clerk = api.As("demo-clerk");
        var id = await clerk.Register();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, h => h.Add("X-Reason", new string('r', 501))))
            .ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, h => h.Add("X-Correlation-Id", new string('c', 101))))
            .ShouldBeProblem(400, "validation-failed");
        (await clerk.GetItem(id)).Version.ShouldBe(1);
    }
}
