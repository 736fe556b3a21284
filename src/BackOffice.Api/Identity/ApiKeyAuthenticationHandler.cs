using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BackOffice.Api.Identity;

/// <summary>Authenticates <c>X-Api-Key</c> against the configured keys (fixed-length digests compared in constant time).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<ApiKeyOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "ApiKey";
    /// <summary>The header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            return Task.FromResult(AuthenticateResult.NoResult());
        // Both sides are SHA-256 digests (32 bytes): no comparison time depends on the key's length or on where it
        // differs, and every configured key is compared (no early exit).
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        ApiKey? match = null;
        foreach (var key in keys.CurrentValue.Keys)
        {
            var digest = key.Digest();
            var equal = digest is not null && CryptographicOperations.FixedTimeEquals(digest, presented);
            if (equal && match is null && key.User.Length > 0 && key.Tenant.Length > 0) match = key;
        }
        if (match is null) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        // Database per tenant: a tenant mapped to no database is not served here (ADR 26).
        if (!Context.RequestServices.GetRequiredService<Hosting.TenantDatabases>().Serves(match.Tenant))
            return Task.FromResult(AuthenticateResult.Fail("The key's tenant is not served by this deployment."));
        var claims = new List<Claim> { new(ClaimTypes.Name, match.User), new(Roles.TenantClaim, match.Tenant) };
        claims.AddRange(match.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
