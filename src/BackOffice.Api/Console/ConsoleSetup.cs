using Microsoft.AspNetCore.Authentication.Cookies;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// The web console's services: a cookie authentication scheme used only under <c>/console</c> (the API routes keep
/// their API-key and bearer schemes), antiforgery for its forms, the Razor component renderer (static SSR, see ADR 22)
/// and the limit on sign-in attempts (<see cref="ConsoleSignInRateLimit"/>).
/// </summary>
public static class ConsoleSetup
{
    /// <summary>The console's cookie scheme.</summary>
    public const string Scheme = "Console";
    /// <summary>Where the console lives.</summary>
    public const string Prefix = "/console";
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "backoffice.console";
    /// <summary>How long a console session lives without a request (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The console's content security policy: everything from the API itself, no inline script or style, no plugin,
    /// no framing, forms posted only back to the console.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>True for a request under <c>/console</c>.</summary>
    public static bool IsConsole(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal);
    }

    /// <summary>Registers the console's cookie scheme, antiforgery and renderer.</summary>
    public static IServiceCollection AddBackOfficeConsole(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = Prefix;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;   // Secure whenever the console is served over HTTPS
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = Prefix + "/sign-in";
            o.LogoutPath = Prefix + "/sign-out";
            o.ReturnUrlParameter = "returnUrl";
            o.Events = new CookieAuthenticationEvents
            {
                // Authorization failures are answered by ConsoleAuthorization (a redirect to sign-in, a 403 page).
                OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; },
                OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; },
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName + ".af";
            o.Cookie.Path = Prefix;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
            o.HeaderName = null;
        });
        services.AddRazorComponents();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
            o.AddPolicy<string, ConsoleSignInRateLimit>(ConsoleSignInRateLimit.Policy));
        return services;
    }
}
