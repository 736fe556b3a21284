namespace BackOffice.Api.Hosting;

/// <summary>The security headers every response carries.</summary>
public static class SecurityHeaders
{
    /// <summary>Adds the usual security headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Set when the response starts, so that answers rewritten by the exception handler keep them.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!http.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(http).ConfigureAwait(false);
    });
}
