using BackOffice.Domain.Inventory;
using BackOffice.Projections.Audit;
using Marten;

namespace BackOffice.Projections.Tests.Audit;

/// <summary>
/// A verification that runs while the chain is taking in new events sees one consistent state of the events, the links
/// and the checkpoints: a checkpoint committed between its reads is never reported as missing (once seen in CI on the API
/// suite's busy demo tenant).
/// </summary>
[Collection(AuditStoreCollection.Name)]
public class ConcurrentVerificationTests(AuditStoreFixture fx)
{
    [Fact]
    public async Task Verifying_while_the_chain_grows_never_reports_a_break()
    {
        var tenant = "v-" + Guid.NewGuid().ToString("N")[..10];
        var id = Guid.CreateVersion7();
        await using (var s = fx.Store.LightweightSession(tenant))
        {
            s.Events.StartStream<SupplyItem>(id, new SupplyItemRegistered(id, "S-" + id, "Paper", "ream", "paper", "B1", 5, 20, null));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var writer = Task.Run(async () =>
        {
            var appended = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var s = fx.Store.LightweightSession(tenant);
                s.Events.Append(id, new StockReceived(id, 1, null, null));
                await s.SaveChangesAsync();
                appended++;
            }
            return appended;
        });

        var verifications = 0;
        var findings = new List<ChainVerification>();
        while (!stop.IsCancellationRequested)
        {
            var result = await fx.Verify(tenant);
            verifications++;
            if (!result.Valid) findings.Add(result);
        }
        var appended = await writer;
        await fx.CatchUp();

        appended.ShouldBeGreaterThan(10);
        verifications.ShouldBeGreaterThan(10);
        findings.ShouldBeEmpty($"{findings.Count} of {verifications} verifications found a break while {appended} events were appended: " +
                               string.Join("; ", findings.Take(3).Select(f => f.FirstBreak)));
        (await fx.Verify(tenant)).ShouldSatisfyAllConditions(
            r => r.Valid.ShouldBeTrue(),
            r => r.CheckedEvents.ShouldBe(appended + 1));
    }
}
