using System.Globalization;
using System.Threading.RateLimiting;
using BackOffice.Api.WebConsole.Pages;
using Microsoft.AspNetCore.RateLimiting;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// The limit on console sign-in attempts: a fixed window per client IP address (default 5 attempts a minute, set by
/// <c>BackOffice:Console:SignInPermitLimit</c> and <c>BackOffice:Console:SignInWindowSeconds</c>), so that keys cannot be
/// guessed through the form. A rejected attempt is answered 429 with <c>Retry-After</c> and the sign-in page saying how
/// long to wait. Behind a reverse proxy the address is the proxy's unless the host applies forwarded headers.
/// </summary>
public sealed class ConsoleSignInRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name, required by the sign-in form's POST route.</summary>
    public const string Policy = "console-sign-in";

    private readonly int permits = Math.Max(1, configuration.GetValue("BackOffice:Console:SignInPermitLimit", 5));
    private readonly TimeSpan window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("BackOffice:Console:SignInWindowSeconds", 60)));

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var http = context.HttpContext;
        var delay = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // The rejected form is not read (a rejection costs nothing): the page offers the console's home as the way back.
        var page = ConsoleContext.Of(http).Render<SignIn>(new { ReturnUrl = ConsoleSetup.Prefix, Failed = false, RetryAfterSeconds = (int?)seconds },
            StatusCodes.Status429TooManyRequests);
        await page.ExecuteAsync(http).ConfigureAwait(false);
    };
}
