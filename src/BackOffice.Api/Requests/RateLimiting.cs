using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BackOffice.Api.Requests;

/// <summary>
/// Per-credential rate limit on <c>/api</c> (a fixed window per API key or per tenant + user for tokens), configured
/// by <c>BackOffice:RateLimit:PermitLimit</c> and <c>BackOffice:RateLimit:WindowSeconds</c>. Rejections are 429
/// <c>rate-limited</c> with <c>Retry-After</c>.
/// </summary>
public static class RateLimiting
{
    /// <summary>Registers the limiter.</summary>
    public static IServiceCollection AddBackOfficeRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("BackOffice:RateLimit");
        var permits = section.GetValue("PermitLimit", 1200);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var request = http.RequestServices.GetRequiredService<RequestContext>();
                var partition = request.User.Length > 0 ? request.Tenant + "\n" + request.User : "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                });
            });
        services.AddSingleton(new RateLimitState(limiter, permits));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = limiter;
            o.OnRejected = async (context, cancellation) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problem.WriteAsync(context.HttpContext, ProblemCatalog.Codes.RateLimited,
                    "Too many requests for your credentials. Retry after the delay in Retry-After.").ConfigureAwait(false);
            };
        });
        return services;
    }

    /// <summary>
    /// Tells every <c>/api</c> answer its credentials' limit and what is left of the current window:
    /// <c>X-RateLimit-Limit</c> and <c>X-RateLimit-Remaining</c> (set when the answer starts, once the caller is known).
    /// </summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            var state = http.RequestServices.GetRequiredService<RateLimitState>();
            http.Response.OnStarting(() =>
            {
                var remaining = state.Limiter.GetStatistics(http)?.CurrentAvailablePermits ?? state.Permits;
                http.Response.Headers["X-RateLimit-Limit"] = state.Permits.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }
        await next(http).ConfigureAwait(false);
    });

    private sealed record RateLimitState(PartitionedRateLimiter<HttpContext> Limiter, int Permits);
}
