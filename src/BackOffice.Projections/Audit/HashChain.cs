using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BackOffice.Projections.Audit;

/// <summary>
/// The link function of the per-tenant hash chain and the SQL that reads events exactly as stored.
/// link_n = SHA-256(link_{n-1} ‖ sequence ‖ tenant ‖ stream id ‖ version ‖ type ‖ timestamp ‖ user ‖ correlation id ‖
/// causation id ‖ headers ‖ payload), every text field length-prefixed, payload and headers as the jsonb text stored in
/// <c>mt_events</c>. The first link of a tenant hashes 32 zero bytes as its predecessor.
/// </summary>
public static class HashChain
{
    /// <summary>Table holding one link per chained event (tenant, sequence, position, hash).</summary>
    public const string LinkTable = "bo_audit_chain";
    /// <summary>Table holding the signed checkpoints.</summary>
    public const string CheckpointTable = "bo_audit_checkpoint";

    /// <summary>The predecessor of a tenant's first link.</summary>
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>Columns read from mt_events, in the order <see cref="StoredEvent.Read"/> expects.</summary>
    internal const string EventColumns =
        "seq_id, tenant_id, stream_id::text, version, type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text";

    /// <summary>Computes the link of <paramref name="e"/> after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, e.Sequence);
        hash.AppendData(number);
        Text(hash, e.Tenant);
        Text(hash, e.StreamId);
        BinaryPrimitives.WriteInt64BigEndian(number, e.Version);
        hash.AppendData(number);
        Text(hash, e.Type);
        Text(hash, e.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Text(hash, e.User);
        Text(hash, e.CorrelationId);
        Text(hash, e.CausationId);
        Text(hash, e.Headers);
        Text(hash, e.Data);
        return hash.GetHashAndReset();
    }

    private static void Text(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    /// <summary>The HMAC-SHA256 signature of a checkpoint written before key ids (format v1, no key id, no policy).</summary>
    public static string Sign(byte[] key, string tenant, long sequence, long position, string hash, DateTimeOffset at)
    {
        var message = string.Join('\n', "bo-audit-checkpoint-v1", tenant, sequence.ToString(CultureInfo.InvariantCulture),
            position.ToString(CultureInfo.InvariantCulture), hash, Instant(at));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>
    /// The HMAC-SHA256 signature of a checkpoint (format v2): it also covers the id of the key that signed it and the
    /// policy that says where the next checkpoint is due, so that neither can be changed without the key.
    /// </summary>
    public static string Sign(byte[] key, string keyId, string tenant, long sequence, long position, string hash, DateTimeOffset at, long every, TimeSpan interval)
    {
        var message = string.Join('\n', "bo-audit-checkpoint-v2", keyId, tenant, sequence.ToString(CultureInfo.InvariantCulture),
            position.ToString(CultureInfo.InvariantCulture), hash, Instant(at), every.ToString(CultureInfo.InvariantCulture),
            ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>True when <paramref name="signature"/> is the v1 checkpoint's signature under <paramref name="key"/> (constant time).</summary>
    public static bool IsSigned(byte[] key, string tenant, long sequence, long position, string hash, DateTimeOffset at, string signature)
        => SameHex(Sign(key, tenant, sequence, position, hash, at), signature);

    /// <summary>True when two hex signatures are equal (constant time).</summary>
    internal static bool SameHex(string expected, string? presented)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented ?? ""));

    /// <summary>
    /// Whether a checkpoint is due at the link at <paramref name="position"/> (its event stamped
    /// <paramref name="timestamp"/>), after <paramref name="last"/>: always for the first link, after a checkpoint
    /// written before policies, and when the last checkpoint's policy says so (that many links, or that much event
    /// time). A pure function of the stored events and checkpoints: the subscription writes and the verifier expects
    /// checkpoints at exactly the same links.
    /// </summary>
    internal static bool IsDue(long position, DateTimeOffset timestamp, CheckpointMark? last)
        => last is null || last.Policy is null || last.EventTimestamp is null
           || position - last.Position >= last.Policy.Every || timestamp - last.EventTimestamp.Value >= last.Policy.Interval;

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The last checkpoint of a chain as the due rule sees it (a null policy: written before policies).</summary>
internal sealed record CheckpointMark(long Position, DateTimeOffset? EventTimestamp, CheckpointPolicy? Policy);

/// <summary>One event row of <c>mt_events</c> as stored (payload and headers as jsonb text).</summary>
public sealed record StoredEvent(
    long Sequence, string Tenant, string StreamId, long Version, string Type, DateTimeOffset Timestamp,
    string? User, string? CorrelationId, string? CausationId, string? Headers, string Data)
{
    internal static StoredEvent Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
        new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)),
        reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(10));
}
