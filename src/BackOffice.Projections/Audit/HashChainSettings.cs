namespace BackOffice.Projections.Audit;

/// <summary>
/// Settings of the tamper-evident hash chain. HMAC keys sign checkpoints; they come from configuration
/// (<c>BackOffice:Audit:HmacKey</c>, <c>BackOffice:Audit:KeyId</c> and retired keys under
/// <c>BackOffice:Audit:RetiredKeys</c>) and are never stored in the database. Only the current key signs; every
/// known key verifies the checkpoints that name it (key rotation).
/// </summary>
public sealed class HashChainSettings
{
    /// <summary>The key id of a single configured key.</summary>
    public const string DefaultKeyId = "k1";

    /// <summary>Creates settings with one checkpoint signing key, named <see cref="DefaultKeyId"/>.</summary>
    /// <param name="hmacKey">The secret key (at least 32 bytes).</param>
    public HashChainSettings(byte[] hmacKey)
        : this(DefaultKeyId, new Dictionary<string, byte[]>(StringComparer.Ordinal) { [DefaultKeyId] = hmacKey ?? throw new ArgumentNullException(nameof(hmacKey)) })
    {
    }

    /// <summary>Creates settings with the current key and the retired keys that still verify older checkpoints.</summary>
    /// <param name="currentKeyId">The id of the key that signs new checkpoints (1–64 characters).</param>
    /// <param name="keys">Every known key by id (at least 32 bytes each), the current one included.</param>
    public HashChainSettings(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrWhiteSpace(currentKeyId) || currentKeyId.Length > 64)
            throw new ArgumentException("The audit key id must be 1–64 characters.", nameof(currentKeyId));
        if (!keys.ContainsKey(currentKeyId)) throw new ArgumentException($"No key is configured for the current key id '{currentKeyId}'.", nameof(keys));
        foreach (var (id, key) in keys)
        {
            if (key is null || key.Length < 32) throw new ArgumentException($"The audit HMAC key '{id}' must be at least 32 bytes long.", nameof(keys));
        }
        CurrentKeyId = currentKeyId;
        Keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
    }

    /// <summary>Settings from a configured key string (its UTF-8 bytes).</summary>
    public static HashChainSettings FromKey(string? key)
        => string.IsNullOrWhiteSpace(key)
            ? throw new InvalidOperationException("Set BackOffice:Audit:HmacKey (at least 32 characters): it signs the audit hash chain's checkpoints.")
            : new HashChainSettings(System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>The id of the key that signs new checkpoints.</summary>
    public string CurrentKeyId { get; }

    /// <summary>Every key that verifies checkpoints, by id.</summary>
    public IReadOnlyDictionary<string, byte[]> Keys { get; }

    /// <summary>The current checkpoint signing key.</summary>
    public byte[] HmacKey => Keys[CurrentKeyId];

    /// <summary>A checkpoint is due once this many links were added since the last one (at least 1).</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>
    /// …or at the first link whose event is this much younger than the event of the last checkpoint (event time, so
    /// that a verifier recomputes exactly where checkpoints are due).
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock that stamps checkpoints and judges whether the chain is behind its events.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The policy new checkpoints are signed with.</summary>
    internal CheckpointPolicy Policy => new(Math.Max(1, CheckpointEvery), CheckpointInterval > TimeSpan.Zero ? CheckpointInterval : TimeSpan.FromMinutes(5));
}

/// <summary>When the next checkpoint is due after one: <paramref name="Every"/> links or <paramref name="Interval"/> of event time.</summary>
internal sealed record CheckpointPolicy(long Every, TimeSpan Interval);
