using System.Diagnostics;
using BackOffice.Api.Telemetry;
using BackOffice.Api.Tests.Inventory;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BackOffice.Api.Tests.Telemetry;

/// <summary>A command emits its span (tenant, command, route, outcome) and its counters (issue 20), seen by in-memory exporters.</summary>
[Collection(ApiCollection.Name)]
public class CommandTelemetryTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");

    [Fact]
    public async Task A_command_emits_its_span_and_counts_its_outcome_conflicts_and_replays()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        // Always sampled: the request's own activity (created by ASP.NET Core for log scopes) is not recorded here, and
        // the default parent-based sampler would follow it; sampling is the host's policy, not what this test is about.
        using var tracing = Sdk.CreateTracerProviderBuilder().SetSampler(new AlwaysOnSampler())
            .AddSource(BackOfficeTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(BackOfficeTelemetry.Name).AddInMemoryExporter(metrics).Build();

        var id = await clerk.Stocked(10);
        var receipt = new { quantity = 3 };
        await clerk.PostJson($"/api/supply-items/{id}/receipts", receipt, h => h.Add("Idempotency-Key", "telemetry-" + id)).Ok();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", receipt, h => h.Add("Idempotency-Key", "telemetry-" + id)).Ok();   // replayed
        await (await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 1000 })).ShouldBeProblem(409, "insufficient-stock");
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", receipt, h => h.Add("If-Match", "\"1\""))).ShouldBeProblem(412, "version-mismatch");

        tracing!.ForceFlush();
        var receipts = spans.Where(s => s.GetTagItem("backoffice.command") as string == "ReceiveStock"
            && s.GetTagItem("backoffice.tenant") as string == "demo").ToList();
        receipts.ShouldContain(s => s.GetTagItem("backoffice.outcome") as string == "ok");
        receipts.Where(s => s.GetTagItem("backoffice.outcome") as string == "ok").ShouldAllBe(s =>
            s.DisplayName == "command ReceiveStock" && (string?)s.GetTagItem("http.route") == "POST /api/supply-items/{id:guid}/receipts");
        receipts.ShouldContain(s => s.GetTagItem("backoffice.outcome") as string == "replayed");
        receipts.ShouldContain(s => s.GetTagItem("backoffice.outcome") as string == "version-mismatch" && s.Status == ActivityStatusCode.Error);
        spans.ShouldContain(s => s.GetTagItem("backoffice.command") as string == "IssueStock" && s.GetTagItem("backoffice.outcome") as string == "insufficient-stock");

        meters!.ForceFlush();
        Sum(metrics, "backoffice.commands", ("backoffice.command", "ReceiveStock"), ("backoffice.outcome", "ok")).ShouldBeGreaterThanOrEqualTo(1);
        Sum(metrics, "backoffice.commands", ("backoffice.command", "IssueStock"), ("backoffice.outcome", "insufficient-stock")).ShouldBeGreaterThanOrEqualTo(1);
        Sum(metrics, "backoffice.idempotent_replays", ("backoffice.command", "ReceiveStock")).ShouldBeGreaterThanOrEqualTo(1);
        Sum(metrics, "backoffice.command.conflicts", ("backoffice.conflict", "version-mismatch")).ShouldBeGreaterThanOrEqualTo(1);
    }

    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags) pointTags[tag.Key] = tag.Value;
                if (pointTags.GetValueOrDefault("backoffice.tenant") as string == "demo"
                    && tags.All(t => pointTags.GetValueOrDefault(t.Key) as string == t.Value))
                    sum += point.GetSumLong();
            }
        }
        return sum;
    }
}
