using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// An API started while PostgreSQL is down serves 503 (readiness and requests), then recovers fully once PostgreSQL
/// comes up, without a restart: the schema is created, commands are applied, the async projections and the hash chain
/// run, and Wolverine's durable workflows fire (ADR 24).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public class ColdStartTests
{
    [Fact]
    public async Task An_api_started_before_postgres_answers_503_then_recovers_commands_projections_chain_and_workflows()
    {
        await using var cluster = new Cluster();
        await cluster.CreateDatabase();
        await cluster.StopPostgres();

        // Production defaults: Marten's HotCold daemon, Wolverine Solo.
        var node = cluster.StartNode("cold");
        await Cluster.Until(async () => await node.Status("/health/live") == 200, TimeSpan.FromSeconds(120), "the API serves while PostgreSQL is down");
        (await node.Status("/health/ready")).ShouldBe(503);
        using var clerk = node.Client("demo-clerk");
        var refused = await clerk.PostAsJsonAsync("/api/supply-items", Item());
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"unavailable\"");
        await Task.Delay(TimeSpan.FromSeconds(3));   // several failed probes: the start is retried, never given up
        (await node.Status("/health/ready")).ShouldBe(503);

        await cluster.StartPostgres();
        await node.Ready();

        // A command applied…
        var registered = await clerk.PostAsJsonAsync("/api/supply-items", Item());
        registered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await clerk.PostAsJsonAsync($"/api/supply-items/{id}/receipts", new { quantity = 7 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // …shown at once on the dashboard (its stock is read from the inline snapshot)…
        var dashboard = JsonDocument.Parse(await clerk.GetStringAsync("/api/dashboards/inventory")).RootElement;
        dashboard.GetProperty("stock").GetProperty("ok").GetInt32().ShouldBe(1);

        // …projected by the async daemon (the audit trail)…
        using var admin = node.Client("demo-admin");
        await Cluster.Until(async () =>
        {
            var trail = JsonDocument.Parse(await admin.GetStringAsync($"/api/audit/events?streamId={id}")).RootElement;
            return trail.GetProperty("items").GetArrayLength() == 2;
        }, TimeSpan.FromSeconds(60), "the audit trail shows the registration and the receipt");

        // …chained…
        await cluster.DaemonCaughtUp(TimeSpan.FromSeconds(60));
        await Cluster.Until(async () =>
            JsonDocument.Parse(await admin.GetStringAsync("/api/audit/verify")).RootElement.GetProperty("checkedEvents").GetInt64() == 2,
            TimeSpan.FromSeconds(60), "the hash chain links both events");
        var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/audit/verify")).RootElement;
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verify.GetProperty("checkedEvents").GetInt64().ShouldBe(2);

        // …and a durable workflow runs: a help-desk first-response deadline (a scheduled Wolverine message) fires.
        using var it = node.Client("demo-it");
        (await it.PutAsJsonAsync("/api/help-desk/settings", new
        {
            critical = new { firstResponse = "PT1S", resolution = "P1D" },
            high = new { firstResponse = "PT4H", resolution = "P1D" },
            medium = new { firstResponse = "P1D", resolution = "P3D" },
            low = new { firstResponse = "P3D", resolution = "P10D" },
            reopenWindow = "P7D",
        })).EnsureSuccessStatusCode();
        var opened = await clerk.PostAsJsonAsync("/api/support-requests",
            new { category = "Network", priority = "Critical", summary = "VPN down", description = "No VPN since this morning" });
        opened.EnsureSuccessStatusCode();
        var request = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await Cluster.Until(async () => await cluster.Scalar(
                $"select count(*) from backoffice.mt_events where stream_id = '{request}' and type = 'service_level_breached_v1'") == 1,
            TimeSpan.FromSeconds(60), "the first-response deadline fires");
    }

    private static object Item() => new
    {
        sku = "COLD-" + Guid.NewGuid().ToString("N")[..10], name = "Toner", unit = "each", category = "toner", location = "C2",
        reorderPoint = 0, reorderQuantity = 1,
    };
}
