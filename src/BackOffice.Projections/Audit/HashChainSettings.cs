namespace BackOffice.Projections.Audit;

/// <summary>
/// Settings of the tamper-evident hash chain. The HMAC key signs checkpoints; it comes from configuration
/// (<c>BackOffice:Audit:HmacKey</c>) and is never stored in the database.
/// </summary>
public sealed class HashChainSettings
{
    /// <summary>Creates settings with the checkpoint signing key.</summary>
    /// <param name="hmacKey">The secret key (at least 32 bytes).</param>
    public HashChainSettings(byte[] hmacKey)
    {
        ArgumentNullException.ThrowIfNull(hmacKey);
        if (hmacKey.Length < 32) throw new ArgumentException("The audit HMAC key must be at least 32 bytes long.", nameof(hmacKey));
        HmacKey = hmacKey;
    }

    /// <summary>Settings from a configured key string (its UTF-8 bytes).</summary>
    public static HashChainSettings FromKey(string? key)
        => string.IsNullOrWhiteSpace(key)
            ? throw new InvalidOperationException("Set BackOffice:Audit:HmacKey (at least 32 characters): it signs the audit hash chain's checkpoints.")
            : new HashChainSettings(System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>The checkpoint signing key.</summary>
    public byte[] HmacKey { get; }

    /// <summary>A tenant's chain gets a signed checkpoint once this many links were added since the last one.</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>…or once its last checkpoint is older than this and new links exist.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock that stamps checkpoints.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
