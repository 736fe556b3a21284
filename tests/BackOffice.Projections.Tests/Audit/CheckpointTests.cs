using BackOffice.Domain.Inventory;
using BackOffice.Projections.Audit;
using Marten;

namespace BackOffice.Projections.Tests.Audit;

/// <summary>
/// Security review, finding 3 (medium): deleting checkpoint rows used to go unnoticed (only the remaining ones were
/// checked). Checkpoints are due at links the verifier recomputes; a due one that is missing, a chain that stopped
/// taking in its events, a kept checkpoint the chain no longer holds, and key rotation.
/// </summary>
[Collection(AuditStoreCollection.Name)]
public class CheckpointTests(AuditStoreFixture fx)
{
    private static string NewTenant() => "c-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>One stream of 1 + <paramref name="receipts"/> events, one transaction each; returns their sequences.</summary>
    private async Task<List<long>> Events(string tenant, int receipts = 4)
    {
        var id = Guid.CreateVersion7();
        await using (var s = fx.Store.LightweightSession(tenant))
        {
            s.Events.StartStream<SupplyItem>(id, new SupplyItemRegistered(id, "S-" + id, "Paper", "ream", "paper", "B1", 5, 20, null));
            await s.SaveChangesAsync();
        }
        for (var i = 1; i <= receipts; i++)
        {
            await using var s = fx.Store.LightweightSession(tenant);
            s.Events.Append(id, new StockReceived(id, i, null, null));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();
        return await fx.Query("select seq_id from {s}.mt_events where stream_id = $1 order by seq_id", r => r.GetInt64(0), id);
    }

    private static HashChainSettings At(TimeSpan ahead, HashChainSettings? settings = null) => new(
        (settings ?? AuditStoreFixture.Settings).CurrentKeyId, (settings ?? AuditStoreFixture.Settings).Keys)
    {
        CheckpointEvery = 1,
        Time = new Ahead(ahead),
    };

    [Fact]
    public async Task A_deleted_checkpoint_is_a_finding_wherever_it_was()
    {
        foreach (var which in new[] { 0, 2, 4 })
        {
            var tenant = NewTenant();
            var seq = await Events(tenant);
            (await fx.Verify(tenant)).Valid.ShouldBeTrue();
            await fx.Sql("delete from {s}.bo_audit_checkpoint where tenant_id = $1 and seq_id = $2", tenant, seq[which]);
            (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(seq[which], "checkpoint-missing"), $"checkpoint #{which}");
        }

        var all = NewTenant();
        var first = (await Events(all))[0];
        await fx.Sql("delete from {s}.bo_audit_checkpoint where tenant_id = $1", all);
        (await fx.Verify(all)).FirstBreak.ShouldBe(new ChainBreak(first, "checkpoint-missing"));
    }

    [Fact]
    public async Task Checkpoints_are_due_every_n_links_or_t_of_event_time_and_the_verifier_expects_exactly_those()
    {
        // The fixture checkpoints every link; a chain whose checkpoints follow a sparser policy is checked by that
        // policy, which each checkpoint carries under its signature.
        var tenant = NewTenant();
        var seq = await Events(tenant, receipts: 6);
        var rows = await fx.Query("select seq_id, every_links, interval_ms, key_id from {s}.bo_audit_checkpoint where tenant_id = $1 order by seq_id",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3)), tenant);
        rows.Select(r => r.Item1).ShouldBe(seq);
        rows.ShouldAllBe(r => r.Item2 == 1 && r.Item3 == 300_000 && r.Item4 == "k2");

        // Re-sign the chain's checkpoints under a policy of every 3 links, keeping only those due under it: valid.
        var links = await fx.Query("select seq_id, link_no, hash from {s}.bo_audit_chain where tenant_id = $1 order by seq_id",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetString(2)), tenant);
        await fx.Sql("delete from {s}.bo_audit_checkpoint where tenant_id = $1", tenant);
        var at = DateTimeOffset.UtcNow;
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        foreach (var (sequence, position, hash) in links.Where(l => (l.Item2 - 1) % 3 == 0))
            await fx.Sql("insert into {s}.bo_audit_checkpoint (tenant_id, seq_id, link_no, hash, signed_at, signature, key_id, every_links, interval_ms) values ($1, $2, $3, $4, $5, $6, 'k2', 3, 300000)",
                tenant, sequence, position, hash, at, HashChain.Sign(AuditStoreFixture.CurrentKey, "k2", tenant, sequence, position, hash, at, 3, TimeSpan.FromMinutes(5)));
        (await fx.Verify(tenant)).Valid.ShouldBeTrue();
        // Positions 1, 4, 7 carry one; dropping the one at position 4 is caught there.
        await fx.Sql("delete from {s}.bo_audit_checkpoint where tenant_id = $1 and link_no = 4", tenant);
        (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(seq[3], "checkpoint-missing"));
    }

    [Fact]
    public async Task Events_the_chain_stopped_taking_in_are_stale_once_older_than_the_interval()
    {
        var tenant = NewTenant();
        var seq = await Events(tenant);
        // The tail's links and checkpoints removed (or a chain that stopped): the events are no longer in the chain.
        await fx.Sql("delete from {s}.bo_audit_chain where tenant_id = $1 and seq_id >= $2", tenant, seq[3]);
        await fx.Sql("delete from {s}.bo_audit_checkpoint where tenant_id = $1 and seq_id >= $2", tenant, seq[3]);
        // A moment later this is just a chain trailing its events...
        (await fx.Verify(tenant)).Valid.ShouldBeTrue();
        // ...but past the checkpoint interval it is a finding.
        var later = await HashChainVerifier.VerifyAsync(fx.Store, tenant, At(TimeSpan.FromMinutes(6)));
        later.FirstBreak.ShouldBe(new ChainBreak(seq[3], "checkpoint-stale"));

        var intact = NewTenant();
        await Events(intact);
        (await HashChainVerifier.VerifyAsync(fx.Store, intact, At(TimeSpan.FromMinutes(6)))).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_auditor_is_told_whether_the_chain_still_holds_the_checkpoint_they_kept()
    {
        var tenant = NewTenant();
        var seq = await Events(tenant);
        var last = (await fx.Verify(tenant)).LastCheckpoint.ShouldNotBeNull();
        last.Sequence.ShouldBe(seq[^1]);
        last.KeyId.ShouldBe("k2");
        var kept = KeptCheckpoint.Parse($"{last.Sequence}:{last.Signature}").ShouldNotBeNull();

        var held = await HashChainVerifier.VerifyAsync(fx.Store, tenant, AuditStoreFixture.Settings, kept);
        held.Valid.ShouldBeTrue();
        held.KeptCheckpoint.ShouldBe(new KeptCheckpointResult(seq[^1], true));

        var wrong = new KeptCheckpoint(last.Sequence, new string('0', 64));
        (await HashChainVerifier.VerifyAsync(fx.Store, tenant, AuditStoreFixture.Settings, wrong)).ShouldSatisfyAllConditions(
            r => r.Valid.ShouldBeFalse(), r => r.KeptCheckpoint.ShouldBe(new KeptCheckpointResult(seq[^1], false)),
            r => r.FirstBreak.ShouldBe(new ChainBreak(seq[^1], "checkpoint-not-held")));

        // The tail cut off consistently (events, links and checkpoints): the chain alone looks whole, the kept checkpoint does not.
        foreach (var table in new[] { "bo_audit_checkpoint", "bo_audit_chain", "mt_events" })
            await fx.Sql($"delete from {{s}}.{table} where tenant_id = $1 and seq_id = $2", tenant, seq[^1]);
        (await fx.Verify(tenant)).Valid.ShouldBeTrue();
        var cut = await HashChainVerifier.VerifyAsync(fx.Store, tenant, AuditStoreFixture.Settings, kept);
        cut.Valid.ShouldBeFalse();
        cut.KeptCheckpoint.ShouldBe(new KeptCheckpointResult(seq[^1], false));
        cut.FirstBreak.ShouldBe(new ChainBreak(seq[^1], "checkpoint-not-held"));

        KeptCheckpoint.Parse("12").ShouldBeNull();
        KeptCheckpoint.Parse("x:" + new string('a', 64)).ShouldBeNull();
        KeptCheckpoint.Parse("12:" + new string('g', 64)).ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_current_key_signs_retired_keys_still_verify_and_unknown_keys_are_reported()
    {
        var tenant = NewTenant();
        var seq = await Events(tenant, receipts: 2);
        var row = (await fx.Query("select link_no, hash, signed_at, signature, key_id from {s}.bo_audit_checkpoint where tenant_id = $1 and seq_id = $2",
            r => (Position: r.GetInt64(0), Hash: r.GetString(1), At: new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc)), Signature: r.GetString(3), KeyId: r.GetString(4)),
            tenant, seq[0])).Single();
        row.KeyId.ShouldBe("k2");
        row.Signature.ShouldBe(HashChain.Sign(AuditStoreFixture.CurrentKey, "k2", tenant, seq[0], row.Position, row.Hash, row.At, 1, TimeSpan.FromMinutes(5)));

        // A checkpoint signed before the rotation (by k1) still verifies.
        await fx.Sql("update {s}.bo_audit_checkpoint set key_id = 'k1', signature = $1 where tenant_id = $2 and seq_id = $3",
            HashChain.Sign(AuditStoreFixture.RetiredKey, "k1", tenant, seq[0], row.Position, row.Hash, row.At, 1, TimeSpan.FromMinutes(5)), tenant, seq[0]);
        (await fx.Verify(tenant)).Valid.ShouldBeTrue();

        // A deployment that no longer holds k1 cannot vouch for it; claiming another key id breaks the signature.
        var withoutK1 = new HashChainSettings("k2", new Dictionary<string, byte[]> { ["k2"] = AuditStoreFixture.CurrentKey }) { CheckpointEvery = 1 };
        (await HashChainVerifier.VerifyAsync(fx.Store, tenant, withoutK1)).FirstBreak.ShouldBe(new ChainBreak(seq[0], "checkpoint-key-unknown"));
        await fx.Sql("update {s}.bo_audit_checkpoint set key_id = 'k2' where tenant_id = $1 and seq_id = $2", tenant, seq[0]);
        (await fx.Verify(tenant)).FirstBreak.ShouldBe(new ChainBreak(seq[0], "checkpoint-forged"));
    }

    private sealed class Ahead(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
