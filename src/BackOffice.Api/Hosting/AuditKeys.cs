using System.Text;
using BackOffice.Projections.Audit;

namespace BackOffice.Api.Hosting;

/// <summary>
/// The audit checkpoint keys from configuration: the current one (<c>BackOffice:Audit:HmacKey</c>, id
/// <c>BackOffice:Audit:KeyId</c>, default <c>k1</c>) signs; retired ones (<c>BackOffice:Audit:RetiredKeys:&lt;id&gt;</c>)
/// only verify the checkpoints that name them.
/// </summary>
public static class AuditKeys
{
    /// <summary>The key Development ships with (appsettings.Development.json): refused anywhere else.</summary>
    public const string DevelopmentKey = "development-only-audit-hmac-key-0123456789abcdef";

    /// <summary>The id of the signing key.</summary>
    public static string CurrentKeyId(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["BackOffice:Audit:KeyId"] is { Length: > 0 } id ? id : HashChainSettings.DefaultKeyId;
    }

    /// <summary>Every configured key by id, the current one included.</summary>
    public static IReadOnlyDictionary<string, byte[]> All(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var current = configuration["BackOffice:Audit:HmacKey"];
        if (string.IsNullOrWhiteSpace(current))
            throw new InvalidOperationException("Set BackOffice:Audit:HmacKey (at least 32 characters): it signs the audit hash chain's checkpoints.");
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var retired in configuration.GetSection("BackOffice:Audit:RetiredKeys").GetChildren())
            if (!string.IsNullOrWhiteSpace(retired.Value)) keys[retired.Key] = Encoding.UTF8.GetBytes(retired.Value);
        keys[CurrentKeyId(configuration)] = Encoding.UTF8.GetBytes(current);
        return keys;
    }
}
