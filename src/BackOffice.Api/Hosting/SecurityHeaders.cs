namespace BackOffice.Api.Hosting;

/// <summary>The security headers every response carries.</summary>
public static class SecurityHeaders
{
    /// <summary>HSTS for answers served over HTTPS: a year, subdomains included.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>
    /// Adds the usual security headers to every response: no sniffing, no framing, no referrer, no caching, a
    /// deny-all content security policy (but for the Swagger UI, and the console's own strict one), no powerful browser features, cross-origin isolation
    /// of the window and of the resources, and HSTS when the request came over HTTPS. (Kestrel sends no Server header.)
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Set when the response starts, so that answers rewritten by the exception handler keep them.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (WebConsole.ConsoleSetup.IsConsole(http))
                headers.ContentSecurityPolicy = WebConsole.ConsoleSetup.ContentSecurityPolicy;
            else if (!http.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        await next(http).ConfigureAwait(false);
    });
}
