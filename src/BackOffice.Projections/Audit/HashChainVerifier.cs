using System.Diagnostics;
using System.Globalization;
using Marten;
using Npgsql;

namespace BackOffice.Projections.Audit;

/// <summary>Where a tenant's chain first stops matching its stored events.</summary>
/// <param name="Sequence">The sequence number where the break is.</param>
/// <param name="Reason">
/// <c>event-altered</c> (payload, metadata or position changed, or events reordered), <c>event-deleted</c>,
/// <c>event-inserted</c>, <c>checkpoint-mismatch</c> (the chain no longer matches a signed checkpoint: events and
/// chain rewritten together), <c>checkpoint-forged</c> (a checkpoint's signature is not valid),
/// <c>checkpoint-key-unknown</c> (a checkpoint names a key this deployment does not hold), <c>checkpoint-missing</c>
/// (a checkpoint was due at this link and is not there: deleted), <c>checkpoint-stale</c> (events older than the
/// checkpoint interval are not in the chain: the chain stopped, or its tail was removed) or
/// <c>checkpoint-not-held</c> (the checkpoint the auditor kept is no longer in the chain).
/// </param>
public sealed record ChainBreak(long Sequence, string Reason);

/// <summary>The last signed checkpoint of a tenant's chain: keep <c>sequence:signature</c> to check it later.</summary>
/// <param name="Sequence">The event sequence it covers up to.</param>
/// <param name="At">When it was signed.</param>
/// <param name="Signature">Its HMAC-SHA256 signature (hex).</param>
/// <param name="KeyId">The id of the key that signed it (empty for checkpoints written before key ids).</param>
public sealed record ChainCheckpoint(long Sequence, DateTimeOffset At, string Signature, string KeyId);

/// <summary>A checkpoint an auditor kept from an earlier verification: <c>sequence:signature</c>.</summary>
/// <param name="Sequence">The event sequence of the checkpoint.</param>
/// <param name="Signature">Its signature (hex).</param>
public sealed record KeptCheckpoint(long Sequence, string Signature)
{
    /// <summary>Parses <c>&lt;sequence&gt;:&lt;hex signature&gt;</c>; null when malformed.</summary>
    public static KeptCheckpoint? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200) return null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !long.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1) return null;
        var signature = value[(colon + 1)..].ToLowerInvariant();
        return signature.Length == 64 && signature.All(char.IsAsciiHexDigit) ? new KeptCheckpoint(sequence, signature) : null;
    }
}

/// <summary>Whether the chain still holds the checkpoint the auditor passed.</summary>
/// <param name="Sequence">The checkpoint's sequence.</param>
/// <param name="Held">True when that checkpoint, with that signature, is still in the chain and the chain matches it.</param>
public sealed record KeptCheckpointResult(long Sequence, bool Held);

/// <summary>The result of recomputing a tenant's chain from its stored events.</summary>
/// <param name="Valid">True when no break was found.</param>
/// <param name="CheckedEvents">Events whose link was recomputed and matched.</param>
/// <param name="FirstBreak">The first break, or null.</param>
/// <param name="LastCheckpoint">The tenant's latest checkpoint, or null.</param>
/// <param name="KeptCheckpoint">The answer about the checkpoint passed in <c>?checkpoint=</c>, or null when none was.</param>
public sealed record ChainVerification(bool Valid, long CheckedEvents, ChainBreak? FirstBreak, ChainCheckpoint? LastCheckpoint, KeptCheckpointResult? KeptCheckpoint = null);

/// <summary>
/// Recomputes a tenant's hash chain from <c>mt_events</c> (read as stored, in sequence order) and compares it, link by
/// link, with the stored chain and with every signed checkpoint, under the key each checkpoint names. Checkpoints are
/// due at links the verifier recomputes (<see cref="HashChain.IsDue"/>): a due one that is not there was deleted.
/// Events the chain has not linked yet are not judged, unless they are older than the checkpoint interval (the chain
/// stopped, or its tail was removed). Streams both sides: memory does not grow with the number of events.
/// </summary>
public static class HashChainVerifier
{
    /// <summary>Verifies <paramref name="tenant"/>'s chain.</summary>
    public static Task<ChainVerification> VerifyAsync(IDocumentStore store, string tenant, HashChainSettings settings, CancellationToken cancellation = default)
        => VerifyAsync(store, tenant, settings, null, cancellation);

    /// <summary>Verifies <paramref name="tenant"/>'s chain, and whether it still holds <paramref name="kept"/>.</summary>
    /// <remarks>
    /// Counted on the <c>BackOffice</c> meter: <c>backoffice.audit.verifications</c> (outcome <c>valid</c>, <c>broken</c> or
    /// <c>failed</c>), <c>backoffice.audit.verification.duration</c>, <c>backoffice.audit.chain_breaks</c> (by reason) and
    /// <c>backoffice.audit.verified_events</c>.
    /// </remarks>
    public static async Task<ChainVerification> VerifyAsync(IDocumentStore store, string tenant, HashChainSettings settings, KeptCheckpoint? kept, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await VerifyChainAsync(store, tenant, settings, kept, cancellation).ConfigureAwait(false);
            outcome = result.Valid ? "valid" : "broken";
            AuditTelemetry.VerifiedEvents.Add(result.CheckedEvents, new KeyValuePair<string, object?>("backoffice.tenant", tenant));
            if (result.FirstBreak is { } found)
                AuditTelemetry.Breaks.Add(1, new TagList { { "backoffice.tenant", tenant }, { "backoffice.audit.break", found.Reason } });
            return result;
        }
        finally
        {
            var tags = new TagList { { "backoffice.tenant", tenant }, { "backoffice.outcome", outcome } };
            AuditTelemetry.Verifications.Add(1, tags);
            AuditTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private static async Task<ChainVerification> VerifyChainAsync(IDocumentStore store, string tenant, HashChainSettings settings, KeptCheckpoint? kept, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var now = settings.Time.GetUtcNow();

        // The checkpoints, the links and the events are read in ONE snapshot (exported by the first connection and
        // imported by the second, as pg_dump does): the chain takes in new events while we read, and a checkpoint
        // committed between two reads would otherwise look missing at a link read later.
        // The tenant's database: the one database when conjoined, the tenant's own with a database per tenant.
        var database = await store.Storage.FindOrCreateDatabase(tenant).ConfigureAwait(false);
        await using var chainConnection = database.CreateConnection();
        await chainConnection.OpenAsync(cancellation).ConfigureAwait(false);
        await using var chainRead = await chainConnection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation).ConfigureAwait(false);
        string snapshot;
        await using (var export = new NpgsqlCommand("select pg_export_snapshot()", chainConnection, chainRead))
            snapshot = (string)(await export.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
        var checkpoints = await LoadCheckpoints(chainConnection, chainRead, schema, tenant, cancellation).ConfigureAwait(false);
        var last = checkpoints.Count == 0 ? null : checkpoints[^1].Public;
        var keptHeld = false;
        ChainVerification Result(long checkedEvents, ChainBreak? found)
        {
            KeptCheckpointResult? keptResult = kept is null ? null : new KeptCheckpointResult(kept.Sequence, keptHeld);
            if (found is null && kept is not null && !keptHeld) found = new ChainBreak(kept.Sequence, "checkpoint-not-held");
            return new ChainVerification(found is null, checkedEvents, found, last, keptResult);
        }
        ChainVerification Broken(long checkedEvents, long sequence, string reason) => Result(checkedEvents, new ChainBreak(sequence, reason));

        var pending = new Queue<Checkpoint>(checkpoints);
        await using var eventConnection = database.CreateConnection();
        await eventConnection.OpenAsync(cancellation).ConfigureAwait(false);
        await using var eventRead = await eventConnection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation).ConfigureAwait(false);
        if (!snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-')) throw new InvalidOperationException("Unexpected snapshot id from pg_export_snapshot().");
        await using (var import = new NpgsqlCommand($"set transaction snapshot '{snapshot}'", eventConnection, eventRead))
            await import.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await using var chainCommand = new NpgsqlCommand(
            $"select seq_id, link_no, hash from {schema}.{HashChain.LinkTable} where tenant_id = $1 order by seq_id", chainConnection, chainRead);
        chainCommand.Parameters.AddWithValue(tenant);
        await using var eventCommand = new NpgsqlCommand(
            $"select {HashChain.EventColumns} from {schema}.mt_events where tenant_id = $1 order by seq_id", eventConnection, eventRead);
        eventCommand.Parameters.AddWithValue(tenant);
        await using var links = await chainCommand.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        await using var events = await eventCommand.ExecuteReaderAsync(cancellation).ConfigureAwait(false);

        var previous = HashChain.Genesis;
        long position = 0;
        CheckpointMark? mark = null;
        var hasLink = await links.ReadAsync(cancellation).ConfigureAwait(false);
        var hasEvent = await events.ReadAsync(cancellation).ConfigureAwait(false);
        while (hasLink)
        {
            var linkSequence = links.GetInt64(0);
            if (!hasEvent || events.GetInt64(0) > linkSequence) return Broken(position, linkSequence, "event-deleted");
            var stored = StoredEvent.Read(events);
            if (stored.Sequence < linkSequence) return Broken(position, stored.Sequence, "event-inserted");

            var link = HashChain.Link(previous, stored);
            position++;
            var hex = Convert.ToHexStringLower(link);
            if (links.GetInt64(1) != position || !string.Equals(links.GetString(2), hex, StringComparison.Ordinal))
                return Broken(position - 1, stored.Sequence, "event-altered");

            var here = false;
            while (pending.Count > 0 && pending.Peek().Sequence <= stored.Sequence)
            {
                var checkpoint = pending.Dequeue();
                if (Signature(checkpoint, tenant, settings) is { } bad) return Broken(position - 1, checkpoint.Sequence, bad);
                if (checkpoint.Sequence != stored.Sequence || checkpoint.Position != position || !string.Equals(checkpoint.Hash, hex, StringComparison.Ordinal))
                    return Broken(position - 1, checkpoint.Sequence, "checkpoint-mismatch");
                here = true;
                if (kept is not null && kept.Sequence == checkpoint.Sequence) keptHeld = HashChain.SameHex(checkpoint.Signature, kept.Signature);
                mark = new CheckpointMark(position, stored.Timestamp, checkpoint.Policy);
            }
            if (!here && HashChain.IsDue(position, stored.Timestamp, mark) && !(mark is { Policy: null }))
                return Broken(position - 1, stored.Sequence, "checkpoint-missing");
            previous = link;
            hasLink = await links.ReadAsync(cancellation).ConfigureAwait(false);
            hasEvent = await events.ReadAsync(cancellation).ConfigureAwait(false);
        }
        if (pending.Count > 0)
        {
            var orphan = pending.Peek();
            return Broken(position, orphan.Sequence, Signature(orphan, tenant, settings) ?? "checkpoint-mismatch");
        }
        // Events the chain has not taken in: normal for a moment (the daemon trails commits), a finding once older than
        // the checkpoint interval (the chain stopped, or its tail and checkpoints were deleted).
        if (hasEvent)
        {
            var unlinked = StoredEvent.Read(events);
            var interval = mark?.Policy?.Interval ?? settings.Policy.Interval;
            if (now - unlinked.Timestamp > interval) return Broken(position, unlinked.Sequence, "checkpoint-stale");
        }
        return Result(position, null);
    }

    /// <summary>Null when the checkpoint's signature is valid under the key it names; else the reason.</summary>
    private static string? Signature(Checkpoint c, string tenant, HashChainSettings settings)
    {
        if (c.KeyId.Length == 0)
            return settings.Keys.Values.Any(key => HashChain.IsSigned(key, tenant, c.Sequence, c.Position, c.Hash, c.At, c.Signature)) ? null : "checkpoint-forged";
        if (!settings.Keys.TryGetValue(c.KeyId, out var k)) return "checkpoint-key-unknown";
        var expected = HashChain.Sign(k, c.KeyId, tenant, c.Sequence, c.Position, c.Hash, c.At, c.Policy!.Every, c.Policy.Interval);
        return HashChain.SameHex(expected, c.Signature) ? null : "checkpoint-forged";
    }

    private static async Task<List<Checkpoint>> LoadCheckpoints(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string tenant, CancellationToken cancellation)
    {
        var result = new List<Checkpoint>();
        await using var command = new NpgsqlCommand(
            $"select seq_id, link_no, hash, signed_at, signature, key_id, every_links, interval_ms from {schema}.{HashChain.CheckpointTable} where tenant_id = $1 order by seq_id",
            connection, transaction);
        command.Parameters.AddWithValue(tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            var keyId = reader.GetString(5);
            result.Add(new Checkpoint(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)), reader.GetString(4), keyId,
                keyId.Length == 0 ? null : new CheckpointPolicy(reader.GetInt64(6), TimeSpan.FromMilliseconds(reader.GetInt64(7)))));
        }
        return result;
    }

    private sealed record Checkpoint(long Sequence, long Position, string Hash, DateTimeOffset At, string Signature, string KeyId, CheckpointPolicy? Policy)
    {
        public ChainCheckpoint Public => new(Sequence, At, Signature, KeyId);
    }
}
