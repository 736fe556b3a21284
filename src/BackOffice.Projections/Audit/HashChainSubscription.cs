using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;

namespace BackOffice.Projections.Audit;

/// <summary>
/// Keeps each tenant's hash chain: for every page of events the async daemon hands over (always a contiguous,
/// committed sequence range below the high-water mark, see ADR 7), reads the rows of that range exactly as stored in
/// <c>mt_events</c>, links them per tenant in sequence order, inserts the links into <see cref="HashChain.LinkTable"/>
/// and an HMAC-signed checkpoint at every link where one is due (<see cref="HashChain.IsDue"/>: every N links or T of
/// event time, signed with the current key) into <see cref="HashChain.CheckpointTable"/>, all in the daemon's
/// transaction together with its progress. It is not a read model: it is never rebuilt, and a replayed (rewound)
/// range never rewrites an existing link (links at or below a tenant's head are left alone).
/// </summary>
public sealed class HashChainSubscription : SubscriptionBase
{
    /// <summary>The subscription's name (its progress row in mt_event_progression).</summary>
    public const string SubscriptionName = "AuditHashChain";

    private readonly HashChainSettings settings;

    /// <summary>Creates the subscription with its settings.</summary>
    public HashChainSubscription(HashChainSettings settings)
    {
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Name = SubscriptionName;
        IncludeArchivedEvents = true;
    }

    /// <inheritdoc />
    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        var schema = operations.DocumentStore.Options.Events.DatabaseSchemaName;
        var heads = new Dictionary<string, Head>(StringComparer.Ordinal);
        var links = new List<(string Tenant, long Sequence, long Position, string Hash)>();

        await using var connection = operations.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredEvent>();
        await using (var command = new NpgsqlCommand(
            $"select {HashChain.EventColumns} from {schema}.mt_events where seq_id > $1 and seq_id <= $2 order by seq_id", connection))
        {
            command.Parameters.AddWithValue(page.SequenceFloor);
            command.Parameters.AddWithValue(page.SequenceCeiling);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(StoredEvent.Read(reader));
        }
        if (rows.Count == 0) return NullChangeListener.Instance;

        var tenants = rows.Select(r => r.Tenant).Distinct(StringComparer.Ordinal).ToArray();
        await LoadHeads(connection, schema, tenants, heads, cancellationToken).ConfigureAwait(false);

        var now = settings.Time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero); // PostgreSQL keeps microseconds
        var policy = settings.Policy;
        var checkpoints = new List<(string Tenant, long Sequence, long Position, string Hash, string Signature)>();
        foreach (var row in rows)
        {
            var head = heads.TryGetValue(row.Tenant, out var h) ? h : new Head(0, 0, HashChain.Genesis, null);
            if (row.Sequence <= head.Sequence) continue; // already linked: a replay never rewrites the chain
            var link = HashChain.Link(head.Hash, row);
            var position = head.Position + 1;
            var hex = Convert.ToHexStringLower(link);
            links.Add((row.Tenant, row.Sequence, position, hex));
            var last = head.LastCheckpoint;
            // A checkpoint exactly where one is due (HashChain.IsDue), so that the verifier can tell a missing one.
            if (HashChain.IsDue(position, row.Timestamp, last))
            {
                checkpoints.Add((row.Tenant, row.Sequence, position, hex,
                    HashChain.Sign(settings.HmacKey, settings.CurrentKeyId, row.Tenant, row.Sequence, position, hex, now, policy.Every, policy.Interval)));
                last = new CheckpointMark(position, row.Timestamp, policy);
            }
            heads[row.Tenant] = new Head(row.Sequence, position, link, last);
        }
        if (links.Count == 0) return NullChangeListener.Instance;

        operations.QueueSqlCommand(
            $"insert into {schema}.{HashChain.LinkTable} (tenant_id, seq_id, link_no, hash) select * from unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[])",
            links.Select(l => l.Tenant).ToArray(), links.Select(l => l.Sequence).ToArray(),
            links.Select(l => l.Position).ToArray(), links.Select(l => l.Hash).ToArray());
        if (checkpoints.Count > 0)
            operations.QueueSqlCommand(
                $"""
                insert into {schema}.{HashChain.CheckpointTable} (tenant_id, seq_id, link_no, hash, signed_at, signature, key_id, every_links, interval_ms)
                select t, s, l, h, ?, g, ?, ?, ? from unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[]) as x(t, s, l, h, g)
                """,
                now, settings.CurrentKeyId, policy.Every, (long)policy.Interval.TotalMilliseconds,
                checkpoints.Select(c => c.Tenant).ToArray(), checkpoints.Select(c => c.Sequence).ToArray(),
                checkpoints.Select(c => c.Position).ToArray(), checkpoints.Select(c => c.Hash).ToArray(),
                checkpoints.Select(c => c.Signature).ToArray());
        return NullChangeListener.Instance;
    }

    private static async Task LoadHeads(NpgsqlConnection connection, string schema, string[] tenants, Dictionary<string, Head> heads, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select t.tenant_id, l.seq_id, l.link_no, l.hash, c.link_no, c.timestamp, c.key_id, c.every_links, c.interval_ms
            from unnest($1::text[]) as t(tenant_id)
            left join lateral (select seq_id, link_no, hash from {schema}.{HashChain.LinkTable} x
                               where x.tenant_id = t.tenant_id order by seq_id desc limit 1) l on true
            left join lateral (select y.link_no, e.timestamp, y.key_id, y.every_links, y.interval_ms
                               from {schema}.{HashChain.CheckpointTable} y left join {schema}.mt_events e on e.seq_id = y.seq_id
                               where y.tenant_id = t.tenant_id order by y.seq_id desc limit 1) c on true
            """, connection);
        command.Parameters.AddWithValue(tenants);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            if (reader.IsDBNull(1)) continue;
            CheckpointMark? last = null;
            if (!reader.IsDBNull(4))
            {
                var legacy = reader.GetString(6).Length == 0;
                last = new CheckpointMark(reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)),
                    legacy ? null : new CheckpointPolicy(reader.GetInt64(7), TimeSpan.FromMilliseconds(reader.GetInt64(8))));
            }
            heads[reader.GetString(0)] = new Head(reader.GetInt64(1), reader.GetInt64(2), Convert.FromHexString(reader.GetString(3)), last);
        }
    }

    private sealed record Head(long Sequence, long Position, byte[] Hash, CheckpointMark? LastCheckpoint);
}
