using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Common;
using Microsoft.AspNetCore.Routing.Patterns;

namespace BackOffice.Api.Idempotency;

/// <summary>
/// Reads <c>Idempotency-Key</c> on writes: checks it (1–200 printable characters), hashes the body (HMAC-SHA256 under
/// a server secret, so that the stored hash is no fingerprint of personal data a guess could confirm) and derives
/// the scope (tenant + user + method + the matched route template and its values, case-insensitively + key).
/// <see cref="CommandExecutor"/> does the rest inside the command's transaction: in-flight detection, replay, reuse
/// with another body.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyBodyHashKey hashKey)
{
    /// <summary>The header.</summary>
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 200;

    public async Task InvokeAsync(HttpContext http, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(context);
        var values = http.Request.Headers[Header];
        if (values.Count == 0 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        var key = values.Count == 1 ? values[0] ?? "" : "";
        if (key.Length is 0 or > MaxLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await Problem.WriteAsync(http, ErrorCodes.ValidationFailed,
                $"{Header} must be one value of 1–{MaxLength} printable ASCII characters.", Header).ConfigureAwait(false);
            return;
        }
        http.Request.EnableBuffering();
        using var hmac = new HMACSHA256(hashKey.Key);
        var bodyHash = Convert.ToHexString(await hmac.ComputeHashAsync(http.Request.Body, http.RequestAborted).ConfigureAwait(false));
        http.Request.Body.Position = 0;
        var scope = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', context.Tenant, context.User, http.Request.Method.ToUpperInvariant(), Route(http), key))));
        context.Idempotency = new IdempotencyRequest(scope, bodyHash);
        await next(http).ConfigureAwait(false);
    }

    /// <summary>
    /// The matched route: its template and its values, normalised (ids as 32 hex digits, text in lower case), so that
    /// <c>/API/Supply-Items/{ID}/Receipts</c> is the same scope as <c>/api/supply-items/{id}/receipts</c>; the path,
    /// lower-cased, when no route matched.
    /// </summary>
    internal static string Route(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern: var pattern })
            return (http.Request.Path.Value ?? "").ToLowerInvariant();
        var values = pattern.Parameters.Select(p => p.Name + "=" + Normalise(http.Request.RouteValues.GetValueOrDefault(p.Name)));
        return (pattern.RawText ?? "").ToLowerInvariant() + "?" + string.Join('&', values);
    }

    private static string Normalise(object? value) => value switch
    {
        null => "",
        Guid g => g.ToString("N"),
        string s when Guid.TryParse(s, out var g) => g.ToString("N"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant(),
    };
}

/// <summary>An idempotent request: its scope hash and its body hash.</summary>
/// <param name="Scope">SHA-256 of tenant, user, method, route and key.</param>
/// <param name="BodyHash">HMAC-SHA256 of the body under <see cref="IdempotencyBodyHashKey"/>.</param>
public sealed record IdempotencyRequest(string Scope, string BodyHash);

/// <summary>
/// The server secret the stored body hashes are keyed with: <c>BackOffice:Idempotency:BodyHashKey</c>, or else one
/// derived from the audit signing key (HMAC of a fixed label), which every deployment already keeps secret.
/// </summary>
public sealed class IdempotencyBodyHashKey
{
    /// <summary>Reads or derives the key.</summary>
    public IdempotencyBodyHashKey(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["BackOffice:Idempotency:BodyHashKey"];
        Key = !string.IsNullOrEmpty(configured)
            ? Encoding.UTF8.GetBytes(configured)
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(configuration["BackOffice:Audit:HmacKey"] ?? ""), "backoffice-idempotency-body-hash-v1"u8);
    }

    /// <summary>The key.</summary>
    internal byte[] Key { get; }
}
