using BackOffice.Api.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// What every console page needs to draw its frame: the language, the signed-in user and roles (or none), the
/// antiforgery token of its forms, the page's own address (for the language switch to come back to).
/// </summary>
/// <param name="Text">Words and formats of the page's language.</param>
/// <param name="User">Signed-in user, or null on the sign-in page.</param>
/// <param name="Tenant">Their tenant.</param>
/// <param name="Request">The request context (roles).</param>
/// <param name="Antiforgery">The token every form posts back.</param>
/// <param name="Here">Path and query of this page.</param>
public sealed record ConsoleContext(ConsoleText Text, string? User, string? Tenant, RequestContext Request, string Antiforgery, string Here)
{
    /// <summary>The cookie keeping the chosen language.</summary>
    public const string LanguageCookie = "backoffice.console.lang";

    /// <summary>True when the user may open the audit pages (auditor or admin: the contract's read rule).</summary>
    public bool Auditor => User is not null && Request.Holds(Roles.Auditor);
    /// <summary>True when the user may open the personal-data pages (hr or admin).</summary>
    public bool Hr => User is not null && Request.Holds(Roles.Hr);

    /// <summary>The context of the current request.</summary>
    public static ConsoleContext Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var signedIn = http.User.Identity?.IsAuthenticated == true && request.User.Length > 0;
        return new ConsoleContext(ConsoleText.For(LanguageOf(http)), signedIn ? request.User : null, signedIn ? request.Tenant : null,
            request, tokens.RequestToken ?? "", http.Request.Path + http.Request.QueryString);
    }

    /// <summary>The chosen language (cookie), else the first of <c>Accept-Language</c> the console speaks, else English.</summary>
    public static string LanguageOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies[LanguageCookie] is { } chosen && ConsoleText.Languages.Contains(chosen)) return chosen;
        var accepted = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var value in accepted)
        {
            var code = value.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (code is not null && ConsoleText.Languages.Contains(code)) return code;
        }
        return "en";
    }

    /// <summary>Renders page <typeparamref name="TPage"/> (static server-side rendering) with its parameters and this context.</summary>
    public RazorComponentResult<TPage> Render<TPage>(object? parameters = null, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Console"] = this };
        if (parameters is not null)
            foreach (var p in parameters.GetType().GetProperties()) values[p.Name] = p.GetValue(parameters);
        return new RazorComponentResult<TPage>(values) { StatusCode = status };
    }
}
