using System.Security.Claims;
using BackOffice.Api.Identity;
using BackOffice.Api.WebConsole.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// Sign-in (an API key or a bearer token, checked by the API's own schemes, exchanged for the console's session
/// cookie), sign-out and the language switch. Every form posts an antiforgery token.
/// </summary>
public static class ConsoleSignIn
{
    internal static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/sign-in", (HttpContext http, [FromQuery] string? returnUrl) =>
                ConsoleContext.Of(http).Render<SignIn>(new { ReturnUrl = ConsoleAuthorization.LocalReturn(returnUrl), Failed = false }))
            .AllowAnonymous();

        console.MapPost("/sign-in", async (HttpContext http, [FromForm] string? credential, [FromForm] string? returnUrl) =>
            {
                var principal = await AuthenticateAsync(http, credential?.Trim()).ConfigureAwait(false);
                if (principal is null)
                    return (IResult)ConsoleContext.Of(http).Render<SignIn>(
                        new { ReturnUrl = ConsoleAuthorization.LocalReturn(returnUrl), Failed = true }, StatusCodes.Status401Unauthorized);
                var properties = new AuthenticationProperties { IsPersistent = false, AllowRefresh = true };
                // A session from a bearer token ends when the token does.
                if (principal.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, out var seconds))
                {
                    var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    if (expires < DateTimeOffset.UtcNow + ConsoleSetup.SessionLifetime) { properties.ExpiresUtc = expires; properties.AllowRefresh = false; }
                }
                await http.SignInAsync(ConsoleSetup.Scheme, Session(principal), properties).ConfigureAwait(false);
                return Results.Redirect(ConsoleAuthorization.LocalReturn(returnUrl));
            })
            .AllowAnonymous()
            .RequireRateLimiting(ConsoleSignInRateLimit.Policy);   // a few attempts a minute per client address

        console.MapPost("/sign-out", async (HttpContext http) =>
            {
                await http.SignOutAsync(ConsoleSetup.Scheme).ConfigureAwait(false);
                return Results.Redirect(ConsoleSetup.Prefix + "/sign-in");
            })
            .RequireAuthorization(Roles.AnyUser)
            .AddEndpointFilter(RequireAntiforgery);

        console.MapPost("/language", (HttpContext http, [FromForm] string? language, [FromForm] string? returnUrl) =>
            {
                if (language is not null && ConsoleText.Languages.Contains(language))
                    http.Response.Cookies.Append(ConsoleContext.LanguageCookie, language, new CookieOptions
                    {
                        Path = ConsoleSetup.Prefix, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps,
                        MaxAge = TimeSpan.FromDays(365), IsEssential = true,
                    });
                return Results.Redirect(ConsoleAuthorization.LocalReturn(returnUrl));
            })
            .AllowAnonymous();
    }

    /// <summary>Validates the antiforgery token of a form that binds no field (the automatic check needs a form binding).</summary>
    internal static async ValueTask<object?> RequireAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext).ConfigureAwait(false))
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the credential with the API's own scheme (an API key, or a bearer token: three dot-separated parts,
    /// with or without the <c>Bearer </c> prefix); the principal when it is valid and holds a tenant and a role.
    /// </summary>
    private static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http, string? credential)
    {
        if (string.IsNullOrEmpty(credential) || credential.Length > 8192) return null;
        if (credential.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) credential = credential[7..].Trim();
        var bearer = credential.Count(c => c == '.') == 2;
        // This request authenticated with the console's cookie scheme only: the API's schemes have not read it yet.
        if (bearer) http.Request.Headers.Authorization = "Bearer " + credential;
        else http.Request.Headers[ApiKeyAuthenticationHandler.Header] = credential;
        var result = await http.AuthenticateAsync(bearer ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName).ConfigureAwait(false);
        http.Request.Headers.Remove(bearer ? "Authorization" : ApiKeyAuthenticationHandler.Header);
        var principal = result.Succeeded ? result.Principal : null;
        if (principal?.Identity is not ClaimsIdentity identity || string.IsNullOrWhiteSpace(identity.Name)) return null;
        if (string.IsNullOrWhiteSpace(principal.FindFirst(Roles.TenantClaim)?.Value)) return null;
        return principal.FindAll(identity.RoleClaimType).Any(r => Roles.All.Contains(r.Value)) ? principal : null;
    }

    /// <summary>The session's identity: the user, the tenant and the roles, nothing else of the credential.</summary>
    private static ClaimsPrincipal Session(ClaimsPrincipal principal)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name!), new(Roles.TenantClaim, principal.FindFirst(Roles.TenantClaim)!.Value) };
        claims.AddRange(principal.FindAll(identity.RoleClaimType).Select(r => new Claim(ClaimTypes.Role, r.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleSetup.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
