using Marten;
using Npgsql;

namespace BackOffice.Projections.Audit;

/// <summary>Where a tenant's chain first stops matching its stored events.</summary>
/// <param name="Sequence">The sequence number where the break is.</param>
/// <param name="Reason">
/// <c>event-altered</c> (payload, metadata or position changed, or events reordered), <c>event-deleted</c>,
/// <c>event-inserted</c>, <c>checkpoint-mismatch</c> (the chain no longer matches a signed checkpoint: events and
/// chain rewritten together) or <c>checkpoint-forged</c> (a checkpoint's signature is not valid).
/// </param>
public sealed record ChainBreak(long Sequence, string Reason);

/// <summary>The last signed checkpoint of a tenant's chain.</summary>
/// <param name="Sequence">The event sequence it covers up to.</param>
/// <param name="At">When it was signed.</param>
public sealed record ChainCheckpoint(long Sequence, DateTimeOffset At);

/// <summary>The result of recomputing a tenant's chain from its stored events.</summary>
/// <param name="Valid">True when no break was found.</param>
/// <param name="CheckedEvents">Events whose link was recomputed and matched.</param>
/// <param name="FirstBreak">The first break, or null.</param>
/// <param name="LastCheckpoint">The tenant's latest checkpoint, or null.</param>
public sealed record ChainVerification(bool Valid, long CheckedEvents, ChainBreak? FirstBreak, ChainCheckpoint? LastCheckpoint);

/// <summary>
/// Recomputes a tenant's hash chain from <c>mt_events</c> (read as stored, in sequence order) and compares it, link by
/// link, with the stored chain and with every signed checkpoint. Streams both sides: memory does not grow with the
/// number of events. Events above the chain's head are not linked yet (the subscription is behind) and not judged.
/// </summary>
public static class HashChainVerifier
{
    /// <summary>Verifies <paramref name="tenant"/>'s chain.</summary>
    public static async Task<ChainVerification> VerifyAsync(IDocumentStore store, string tenant, HashChainSettings settings, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        var schema = store.Options.Events.DatabaseSchemaName;

        await using var chainConnection = store.Storage.Database.CreateConnection();
        await chainConnection.OpenAsync(cancellation).ConfigureAwait(false);
        var checkpoints = await LoadCheckpoints(chainConnection, schema, tenant, cancellation).ConfigureAwait(false);
        var last = checkpoints.Count == 0 ? null : new ChainCheckpoint(checkpoints[^1].Sequence, checkpoints[^1].At);
        ChainVerification Broken(long checkedEvents, long sequence, string reason) => new(false, checkedEvents, new ChainBreak(sequence, reason), last);

        var forged = checkpoints.FirstOrDefault(c => !HashChain.IsSigned(settings.HmacKey, tenant, c.Sequence, c.Position, c.Hash, c.At, c.Signature));
        var pending = new Queue<Checkpoint>(checkpoints);

        await using var eventConnection = store.Storage.Database.CreateConnection();
        await eventConnection.OpenAsync(cancellation).ConfigureAwait(false);
        await using var chainCommand = new NpgsqlCommand(
            $"select seq_id, link_no, hash from {schema}.{HashChain.LinkTable} where tenant_id = $1 order by seq_id", chainConnection);
        chainCommand.Parameters.AddWithValue(tenant);
        await using var eventCommand = new NpgsqlCommand(
            $"select {HashChain.EventColumns} from {schema}.mt_events where tenant_id = $1 order by seq_id", eventConnection);
        eventCommand.Parameters.AddWithValue(tenant);
        await using var links = await chainCommand.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        await using var events = await eventCommand.ExecuteReaderAsync(cancellation).ConfigureAwait(false);

        var previous = HashChain.Genesis;
        long position = 0;
        var hasLink = await links.ReadAsync(cancellation).ConfigureAwait(false);
        var hasEvent = await events.ReadAsync(cancellation).ConfigureAwait(false);
        while (hasLink)
        {
            var linkSequence = links.GetInt64(0);
            if (forged is not null && forged.Sequence < linkSequence) return Broken(position, forged.Sequence, "checkpoint-forged");
            if (!hasEvent || events.GetInt64(0) > linkSequence) return Broken(position, linkSequence, "event-deleted");
            var stored = StoredEvent.Read(events);
            if (stored.Sequence < linkSequence) return Broken(position, stored.Sequence, "event-inserted");

            var link = HashChain.Link(previous, stored);
            position++;
            var hex = Convert.ToHexStringLower(link);
            if (links.GetInt64(1) != position || !string.Equals(links.GetString(2), hex, StringComparison.Ordinal))
                return Broken(position - 1, stored.Sequence, "event-altered");
            while (pending.Count > 0 && pending.Peek().Sequence <= stored.Sequence)
            {
                var checkpoint = pending.Dequeue();
                if (checkpoint.Sequence != stored.Sequence || checkpoint.Position != position || !string.Equals(checkpoint.Hash, hex, StringComparison.Ordinal))
                    return Broken(position - 1, checkpoint.Sequence, "checkpoint-mismatch");
            }
            previous = link;
            hasLink = await links.ReadAsync(cancellation).ConfigureAwait(false);
            hasEvent = await events.ReadAsync(cancellation).ConfigureAwait(false);
        }
        if (forged is not null) return Broken(position, forged.Sequence, "checkpoint-forged");
        if (pending.Count > 0) return Broken(position, pending.Peek().Sequence, "checkpoint-mismatch");
        return new ChainVerification(true, position, null, last);
    }

    private static async Task<List<Checkpoint>> LoadCheckpoints(NpgsqlConnection connection, string schema, string tenant, CancellationToken cancellation)
    {
        var result = new List<Checkpoint>();
        await using var command = new NpgsqlCommand(
            $"select seq_id, link_no, hash, signed_at, signature from {schema}.{HashChain.CheckpointTable} where tenant_id = $1 order by seq_id", connection);
        command.Parameters.AddWithValue(tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            result.Add(new Checkpoint(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)), reader.GetString(4)));
        return result;
    }

    private sealed record Checkpoint(long Sequence, long Position, string Hash, DateTimeOffset At, string Signature);
}
