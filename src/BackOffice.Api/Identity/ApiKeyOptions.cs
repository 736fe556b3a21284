using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Api.Identity;

/// <summary>API keys of the deployment (section <c>BackOffice:ApiKeys</c>): each bound to a user, a tenant and roles.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The configured keys.</summary>
    public List<ApiKey> Keys { get; init; } = [];
}

/// <summary>One API key: the secret itself (<see cref="Key"/>) or its SHA-256 (<see cref="KeyHash"/>).</summary>
public sealed class ApiKey
{
    /// <summary>The secret sent in <c>X-Api-Key</c> (or empty when <see cref="KeyHash"/> is configured instead).</summary>
    public string Key { get; init; } = "";
    /// <summary>The SHA-256 of the secret's UTF-8 bytes, 64 hex digits: the configuration then never holds the secret.</summary>
    public string KeyHash { get; init; } = "";
    /// <summary>The acting user's name.</summary>
    public string User { get; init; } = "";
    /// <summary>The tenant the key belongs to.</summary>
    public string Tenant { get; init; } = "";
    /// <summary>Roles held.</summary>
    public List<string> Roles { get; init; } = [];

    /// <summary>The SHA-256 the presented key is compared with (32 bytes), or null when neither form is configured (or the hash is malformed).</summary>
    /// <remarks>Computed once per configured key (a reload of the configuration builds new instances), not on every request.</remarks>
    public byte[]? Digest()
    {
        // A benign race: two requests may compute the same value once each.
        if (!Volatile.Read(ref computed))
        {
            digest = ComputeDigest();
            Volatile.Write(ref computed, true);
        }
        return digest;
    }

    private byte[]? digest;
    private bool computed;

    private byte[]? ComputeDigest()
    {
        if (KeyHash.Length > 0)
            return KeyHash.Length == 64 && KeyHash.All(char.IsAsciiHexDigit) ? Convert.FromHexString(KeyHash) : null;
        return Key.Length > 0 ? SHA256.HashData(Encoding.UTF8.GetBytes(Key)) : null;
    }
}
