using BackOffice.Projections.Audit;
using BackOffice.Domain.Inventory;
using Marten;
using Marten.Events;
using Marten.Services;
using Npgsql;

namespace BackOffice.Projections.Tests.Audit;

/// <summary>
/// Transactions commit out of sequence order. An event whose transaction is still open leaves a gap below committed
/// events; the chain must wait for it rather than link past it.
/// </summary>
[Collection(AuditStoreCollection.Name)]
public class SequenceGapTests(AuditStoreFixture fx)
{
    [Fact]
    public async Task The_chain_waits_for_an_open_transaction_and_links_its_event_in_sequence_order()
    {
        var tenant = "gap-" + Guid.NewGuid().ToString("N")[..8];
        var slow = Guid.CreateVersion7();
        var fast = Guid.CreateVersion7();
        // Append in a transaction of our own and keep it open: its sequence number is reserved, its row invisible.
        await using var connection = new NpgsqlConnection(fx.Connection);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = tenant;
        await using (var open = fx.Store.LightweightSession(options))
        {
            open.Events.StartStream<SupplyItem>(slow, new SupplyItemRegistered(slow, "S-" + slow, "Pens", "box", "pens", "A1", 1, 2, null));
            await open.SaveChangesAsync();
        }

        await using (var s = fx.Store.LightweightSession(tenant))
        {
            s.Events.StartStream<SupplyItem>(fast, new SupplyItemRegistered(fast, "S-" + fast, "Clips", "box", "clips", "A2", 1, 2, null));
            await s.SaveChangesAsync();
        }
        // Longer than the daemon's stale-sequence threshold (3 s): the daemon still must not pass the live gap.
        await Should.ThrowAsync<TimeoutException>(() => fx.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(6)));
        (await fx.Query("select count(*) from {s}.bo_audit_chain where tenant_id = $1", r => r.GetInt64(0), tenant)).Single().ShouldBe(0);

        await transaction.CommitAsync();
        await fx.CatchUp();
        var slowSeq = (await fx.Query("select seq_id from {s}.mt_events where stream_id = $1", r => r.GetInt64(0), slow)).Single();
        var fastSeq = (await fx.Query("select seq_id from {s}.mt_events where stream_id = $1", r => r.GetInt64(0), fast)).Single();
        slowSeq.ShouldBeLessThan(fastSeq);
        (await fx.Query("select seq_id from {s}.bo_audit_chain where tenant_id = $1 order by seq_id", r => r.GetInt64(0), tenant)).ShouldBe([slowSeq, fastSeq]);
        (await fx.Verify(tenant)).Valid.ShouldBeTrue();
        // The async read models did not skip the late event either: the audit trail holds both, in sequence order.
        await using var query = fx.Store.QuerySession(tenant);
        (await query.Query<AuditEntry>().OrderBy(x => x.Id).Select(x => x.Id).ToListAsync()).ShouldBe([slowSeq, fastSeq]);
    }
}
