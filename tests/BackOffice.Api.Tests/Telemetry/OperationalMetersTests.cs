using System.Diagnostics;
using BackOffice.Api.Telemetry;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Projections.Audit;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace BackOffice.Api.Tests.Telemetry;

/// <summary>
/// The operational meters of issue 20, seen by an in-memory exporter: projection lag per shard (gauges) and the hash
/// chain's verifications (counted with their outcome, timed, breaks by reason).
/// </summary>
[Collection(ApiCollection.Name)]
public class OperationalMetersTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient auditor = api.As("demo-auditor");

    [Fact]
    public async Task Projection_lag_is_reported_per_shard_in_events_and_seconds()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(BackOfficeTelemetry.Name).AddInMemoryExporter(metrics).Build();
        await clerk.Stocked(5);

        // The gauges report the last reading of a background loop (every 200 ms in the tests' host): wait for one that
        // covers the audit trail and the hash chain.
        var clock = Stopwatch.StartNew();
        List<(string Name, string Projection, double Value)> points;
        while (true)
        {
            metrics.Clear();
            meters.ForceFlush();
            points = Points(metrics);
            if (Has(points, "backoffice.projection.lag", AuditTrail.ProjectionName)
                && Has(points, "backoffice.projection.lag", HashChainSubscription.SubscriptionName)
                && Has(points, "backoffice.projection.lag.age", AuditTrail.ProjectionName)) break;
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "no projection lag reading within 30 s");
            await Task.Delay(100);
        }

        var head = await api.Store.Advanced.FetchEventStoreStatistics("demo");
        points.Where(p => p.Name == "backoffice.projection.lag").ShouldAllBe(p => p.Value >= 0 && p.Value <= head.EventSequenceNumber);
        points.Where(p => p.Name == "backoffice.projection.lag.age").ShouldAllBe(p => p.Value >= 0 && p.Value < 3600);
        points.Where(p => p.Name == "backoffice.projection.lag").Select(p => p.Projection)
            .ShouldContain(BackOffice.Projections.Inventory.InventoryDashboardProjection.ProjectionName);
    }

    [Fact]
    public async Task A_chain_verification_is_counted_with_its_outcome_duration_and_break()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(BackOfficeTelemetry.Name).AddInMemoryExporter(metrics).Build();

        // The shared demo tenant's chain is whatever the suite made of it so far (other tests write to it all along):
        // this test checks that the outcome is counted as it was answered, not the chain itself (AuditEndpointsTests does).
        var valid = await (await auditor.GetAsync("/api/audit/verify")).ShouldBe<ChainVerification>(200);
        // A checkpoint the chain never held: a break of its own (checkpoint-not-held).
        var notHeld = await (await auditor.GetAsync("/api/audit/verify?checkpoint=1:" + new string('0', 64))).ShouldBe<ChainVerification>(200);
        notHeld.Valid.ShouldBeFalse();
        notHeld.FirstBreak!.Reason.ShouldBe("checkpoint-not-held");

        meters.ForceFlush();
        Sum(metrics, "backoffice.audit.verifications", ("backoffice.outcome", "valid")).ShouldBe(valid.Valid ? 1 : 0, valid.ToString());
        Sum(metrics, "backoffice.audit.verifications", ("backoffice.outcome", "broken")).ShouldBe(valid.Valid ? 1 : 2, valid.ToString());
        Sum(metrics, "backoffice.audit.chain_breaks", ("backoffice.audit.break", "checkpoint-not-held")).ShouldBe(1);
        Sum(metrics, "backoffice.audit.verified_events").ShouldBe(valid.CheckedEvents + notHeld.CheckedEvents);
        var (count, seconds) = Histogram(metrics, "backoffice.audit.verification.duration");
        count.ShouldBe(2);
        seconds.ShouldBeGreaterThan(0);
        seconds.ShouldBeLessThan(60);
    }

    private static bool Has(List<(string Name, string Projection, double Value)> points, string name, string projection)
        => points.Any(p => p.Name == name && p.Projection == projection);

    private static List<(string Name, string Projection, double Value)> Points(List<Metric> metrics)
    {
        var result = new List<(string, string, double)>();
        foreach (var metric in metrics.Where(m => m.Name.StartsWith("backoffice.projection.", StringComparison.Ordinal)))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                string? projection = null;
                foreach (var tag in point.Tags) if (tag.Key == "backoffice.projection") projection = tag.Value as string;
                var value = metric.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetGaugeLastValueDouble();
                result.Add((metric.Name, projection ?? "", value));
            }
        }
        return result;
    }

    private static Dictionary<string, object?> TagsOf(in MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
        return tags;
    }

    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = TagsOf(point);
                if (pointTags.GetValueOrDefault("backoffice.tenant") as string == "demo" && tags.All(t => pointTags.GetValueOrDefault(t.Key) as string == t.Value))
                    sum += point.GetSumLong();
            }
        }
        return sum;
    }

    private static (long Count, double Sum) Histogram(List<Metric> metrics, string name)
    {
        long count = 0; double sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (TagsOf(point).GetValueOrDefault("backoffice.tenant") as string != "demo") continue;
                count += point.GetHistogramCount();
                sum += point.GetHistogramSum();
            }
        }
        return (count, sum);
    }
}
