using System.Security.Cryptography;
using System.Text;
using BackOffice.Api.Identity;

namespace BackOffice.Api.Hosting;

/// <summary>
/// Refuses to start outside Development with the secrets Development ships with, or ones as weak: an API key shorter
/// than 32 characters or equal to its user name (the Development keys are their user names), or the Development
/// audit key (current or retired). The symmetric JWT key is refused by <see cref="IdentitySetup"/>.
/// </summary>
public static class ProductionGuards
{
    /// <summary>The shortest API key accepted outside Development.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first weak secret, outside Development.</summary>
    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment()) return;
        var keys = configuration.GetSection("BackOffice:ApiKeys").Get<ApiKeyOptions>()?.Keys ?? [];
        foreach (var key in keys)
        {
            if (key.KeyHash.Length > 0)
            {
                if (key.Digest() is not { } digest)
                    throw new InvalidOperationException($"The API key of user '{key.User}' has a KeyHash that is not 64 hex digits.");
                if (CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key.User))))
                    throw new InvalidOperationException($"The API key of user '{key.User}' equals its user name: configure a random key.");
                continue;
            }
            if (key.Key.Length < MinimumKeyLength)
                throw new InvalidOperationException($"The API key of user '{key.User}' is shorter than {MinimumKeyLength} characters: configure a random key.");
            if (string.Equals(key.Key, key.User, StringComparison.Ordinal))
                throw new InvalidOperationException($"The API key of user '{key.User}' equals its user name: configure a random key.");
        }
        var auditKeys = new[] { configuration["BackOffice:Audit:HmacKey"] }
            .Concat(configuration.GetSection("BackOffice:Audit:RetiredKeys").GetChildren().Select(c => c.Value));
        if (auditKeys.Any(k => string.Equals(k, AuditKeys.DevelopmentKey, StringComparison.Ordinal)))
            throw new InvalidOperationException("BackOffice:Audit:HmacKey is the Development key: configure a secret key of your own.");
    }
}
