using BackOffice.Domain.Inventory;
using BackOffice.Projections.Audit;
using Marten;

namespace BackOffice.Projections.Tests.Audit;

/// <summary>The chain catches every kind of tampering with mt_events done in SQL, and a consistent rewrite of the chain.</summary>
[Collection(AuditStoreCollection.Name)]
public class HashChainTests(AuditStoreFixture fx)
{
    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Appends a registered item and <paramref name="receipts"/> receipts, one transaction each; returns their sequences.</summary>
    private async Task<(Guid Id, List<long> Sequences)> Item(string tenant, int receipts = 3, string? donorTenant = null)
    {
        var id = Guid.CreateVersion7();
        await using (var s = fx.Store.LightweightSession(tenant))
        {
            s.LastModifiedBy = "alice";
            s.CorrelationId = "corr-" + id;
            s.SetHeader(AuditTrail.ReasonHeader, "initial load");
            s.Events.StartStream<SupplyItem>(id, new SupplyItemRegistered(id, "S-" + id, "Paper", "ream", "paper", "B1", 5, 20, null));
            await s.SaveChangesAsync();
        }
        for (var i = 1; i <= receipts; i++)
        {
            if (donorTenant is not null) await Item(donorTenant, 0);
            await using var s = fx.Store.LightweightSession(tenant);
            s.LastModifiedBy = "bob";
            s.Events.Append(id, new StockReceived(id, 10 * i, null, null));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();
        var sequences = await fx.Query("select seq_id from {s}.mt_events where stream_id = $1 order by seq_id", r => r.GetInt64(0), id);
        return (id, sequences);
    }

    [Fact]
    public async Task Every_event_is_linked_in_sequence_order_and_the_chain_verifies()
    {
        var tenant = NewTenant();
        var (_, sequences) = await Item(tenant);
        var links = await fx.Query("select seq_id, link_no from {s}.bo_audit_chain where tenant_id = $1 order by seq_id", r => (r.GetInt64(0), r.GetInt64(1)), tenant);
        links.Select(l => l.Item1).ShouldBe(sequences);
        links.Select(l => l.Item2).ShouldBe([1L, 2, 3, 4]);

        var result = await fx.Verify(tenant);
        result.Valid.ShouldBeTrue();
        result.CheckedEvents.ShouldBe(4);
        result.FirstBreak.ShouldBeNull();
        result.LastCheckpoint!.Sequence.ShouldBe(sequences[^1]);
    }

    [Fact]
    public async Task A_changed_payload_is_caught()
    {
        var tenant = NewTenant();
        var (_, seq) = await Item(tenant);
        await fx.Sql("update {s}.mt_events set data = jsonb_set(data, '{quantity}', '999') where seq_id = $1", seq[2]);
        (await fx.Verify(tenant)).ShouldSatisfyAllConditions(
            r => r.Valid.ShouldBeFalse(), r => r.FirstBreak.ShouldBe(new ChainBreak(seq[2], "event-altered")), r => r.CheckedEvents.ShouldBe(2));
    }

    [Fact]
    public async Task Changed_metadata_is_caught()
    {
        var tenant = NewTenant();
        var (_, seq) = await Item(tenant);
        await fx.Sql("update {s}.mt_events set user_name = 'mallory' where seq_id = $1", seq[1]);
        (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(seq[1], "event-altered"));

        var other = NewTenant();
        var (_, seq2) = await Item(other);
        await fx.Sql("update {s}.mt_events set headers = '{\"reason\": \"nothing to see\"}' where seq_id = $1", seq2[0]);
        (await fx.Verify(other)).FirstBreak.ShouldBe(new ChainBreak(seq2[0], "event-altered"));
    }

    [Fact]
    public async Task A_deleted_event_is_caught()
    {
        var tenant = NewTenant();
        var (_, seq) = await Item(tenant);
        await fx.Sql("delete from {s}.mt_events where seq_id = $1", seq[1]);
        (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(seq[1], "event-deleted"));
    }

    [Fact]
    public async Task An_inserted_event_is_caught()
    {
        var tenant = NewTenant();
        var donor = NewTenant();
        var (_, seq) = await Item(tenant, donorTenant: donor);
        // Free a sequence number inside the tenant's chain (a donor tenant's event), then forge an event there.
        var free = (await fx.Query("select seq_id from {s}.mt_events where tenant_id = $1 and seq_id > $2 and seq_id < $3", r => r.GetInt64(0), donor, seq[1], seq[2])).First();
        await fx.Sql("delete from {s}.mt_events where seq_id = $1", free);
        await fx.Sql("""
            insert into {s}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name, correlation_id, causation_id, headers, is_archived)
            select $1, gen_random_uuid(), stream_id, 99, data, type, timestamp, tenant_id, mt_dotnet_type, user_name, correlation_id, causation_id, headers, is_archived
            from {s}.mt_events where seq_id = $2
            """, free, seq[1]);
        (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(free, "event-inserted"));
    }

    [Fact]
    public async Task Reordered_events_are_caught()
    {
        var tenant = NewTenant();
        var (_, seq) = await Item(tenant);
        await fx.Sql("update {s}.mt_events set seq_id = -1 where seq_id = $1", seq[1]);
        await fx.Sql("update {s}.mt_events set seq_id = $1 where seq_id = $2", seq[1], seq[2]);
        await fx.Sql("update {s}.mt_events set seq_id = $1 where seq_id = -1", seq[2]);
        (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(seq[1], "event-altered"));
    }

    [Fact]
    public async Task Rewriting_events_and_chain_together_is_caught_by_the_signed_checkpoint()
    {
        var tenant = NewTenant();
        var (_, seq) = await Item(tenant);
        await fx.Sql("update {s}.mt_events set data = jsonb_set(data, '{quantity}', '999') where seq_id = $1", seq[1]);
        // The attacker recomputes every link from the tampered events: the chain is consistent again...
        var events = await fx.Query(
            "select seq_id, tenant_id, stream_id::text, version, type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text from {s}.mt_events where tenant_id = $1 order by seq_id",
            r => new StoredEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4),
                new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc)), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10)), tenant);
        var previous = HashChain.Genesis;
        foreach (var e in events)
        {
            previous = HashChain.Link(previous, e);
            await fx.Sql("update {s}.bo_audit_chain set hash = $1 where tenant_id = $2 and seq_id = $3", Convert.ToHexStringLower(previous), tenant, e.Sequence);
        }
        // ...but a checkpoint signed with a key the database never held still holds the original link.
        var result = await fx.Verify(tenant);
        result.Valid.ShouldBeFalse();
        result.FirstBreak!.Reason.ShouldBe("checkpoint-mismatch");
        result.FirstBreak.Sequence.ShouldBeGreaterThanOrEqualTo(seq[1]);

        // Rewriting the checkpoint too needs the key: without it the signature no longer matches.
        await fx.Sql("update {s}.bo_audit_checkpoint set hash = $1 where tenant_id = $2 and seq_id = $3", Convert.ToHexStringLower(previous), tenant, seq[^1]);
        (await fx.Verify(tenant)).FirstBreak!.Reason.ShouldBeOneOf("checkpoint-forged", "checkpoint-mismatch");
    }

    [Fact]
    public async Task A_tenant_only_sees_its_own_chain()
    {
        var tenant = NewTenant();
        await Item(tenant, 1);
        (await fx.Verify(NewTenant())).ShouldBe(new ChainVerification(true, 0, null, null));
    }
}
