using BackOffice.Domain.Inventory;
using BackOffice.Projections.Audit;
using JasperFx.Events;
using Marten;

namespace BackOffice.Projections.Tests.Audit;

/// <summary>Read models are derived data: dropped and rebuilt they come back identical. The hash chain is not rebuilt.</summary>
[Collection(AuditStoreCollection.Name)]
public class RebuildTests(AuditStoreFixture fx)
{
    // Other tests of the collection tamper with events on purpose: compare this test's tenants only.
    private readonly string[] tenants = ["rebuild-a-" + Guid.NewGuid().ToString("N")[..8], "rebuild-b-" + Guid.NewGuid().ToString("N")[..8]];

    private Task<List<string>> AuditRows() => fx.Query(
        "select tenant_id || '|' || id || '|' || data::text from {s}.mt_doc_auditentry where tenant_id = any($1) order by id", r => r.GetString(0), (object)tenants);

    private Task<List<string>> ChainRows() => fx.Query(
        "select tenant_id || '|' || seq_id || '|' || link_no || '|' || hash from {s}.bo_audit_chain order by tenant_id, seq_id", r => r.GetString(0));

    [Fact]
    public async Task Rebuilding_the_audit_trail_gives_identical_rows_and_leaves_the_chain_alone()
    {
        foreach (var tenant in tenants)
        {
            var id = Guid.CreateVersion7();
            await using var s = fx.Store.LightweightSession(tenant);
            s.LastModifiedBy = "carol";
            s.CorrelationId = "corr-rebuild";
            s.SetHeader(AuditTrail.ReasonHeader, "stock take");
            s.Events.StartStream<SupplyItem>(id, new SupplyItemRegistered(id, "S-" + id, "Toner", "each", "toner", "C2", 1, 2, null),
                new StockReceived(id, 4, null, new UnitCost(12.5m, "EUR")), new StockIssued(id, 1, null, null, "printer", new DateOnly(2026, 11, 28)));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();
        var before = await AuditRows();
        var chainBefore = await ChainRows();
        before.Count.ShouldBe(6);

        await fx.Sql("delete from {s}.mt_doc_auditentry");
        await fx.Daemon.RebuildProjectionAsync(AuditTrail.ProjectionName, TimeSpan.FromMinutes(2), CancellationToken.None);
        // A rebuild leaves the shard stopped: start it again so the projection keeps up with new events.
        await fx.Daemon.StartAgentAsync(AuditTrail.ProjectionName + ":All", CancellationToken.None);

        (await AuditRows()).ShouldBe(before);
        (await ChainRows()).ShouldBe(chainBefore);

        await using var query = fx.Store.QuerySession(tenants[0]);
        var entries = await query.Query<AuditEntry>().Where(x => x.CorrelationId == "corr-rebuild").OrderBy(x => x.Id).ToListAsync();
        entries.Count.ShouldBe(3);
        entries.ShouldAllBe(e => e.User == "carol" && e.Reason == "stock take" && e.Tenant == tenants[0]);
        entries.Select(e => e.Type).ShouldBe(["supply_item_registered_v1", "stock_received_v2", "stock_issued_v1"]);
        entries[0].StreamType.ShouldBe("supply_item");
        entries[1].Data.GetProperty("quantity").GetInt32().ShouldBe(4);

        // ...and it keeps projecting new events after the rebuild.
        var later = Guid.CreateVersion7();
        await using (var s = fx.Store.LightweightSession(tenants[1]))
        {
            s.Events.StartStream<SupplyItem>(later, new SupplyItemRegistered(later, "S-" + later, "Ink", "each", "ink", "C3", 1, 2, null));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();
        (await AuditRows()).Count.ShouldBe(7);
    }
}
