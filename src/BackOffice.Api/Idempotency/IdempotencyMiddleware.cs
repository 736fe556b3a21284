using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Common;

namespace BackOffice.Api.Idempotency;

/// <summary>
/// Reads <c>Idempotency-Key</c> on writes: checks it (1–200 printable characters), hashes the body (SHA-256) and
/// derives the scope (tenant + user + method + path + key). <see cref="CommandExecutor"/> does the rest inside the
/// command's transaction: in-flight detection, replay, reuse with another body.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
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
        var bodyHash = Convert.ToHexString(await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted).ConfigureAwait(false));
        http.Request.Body.Position = 0;
        var scope = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', context.Tenant, context.User, http.Request.Method, http.Request.Path.Value, key))));
        context.Idempotency = new IdempotencyRequest(scope, bodyHash);
        await next(http).ConfigureAwait(false);
    }
}

/// <summary>An idempotent request: its scope hash and its body hash.</summary>
/// <param name="Scope">SHA-256 of tenant, user, method, path and key.</param>
/// <param name="BodyHash">SHA-256 of the body.</param>
public sealed record IdempotencyRequest(string Scope, string BodyHash);
