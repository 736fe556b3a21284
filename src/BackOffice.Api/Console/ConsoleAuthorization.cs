using BackOffice.Api.WebConsole.Pages;

namespace BackOffice.Api.WebConsole;

/// <summary>The console's answers to authorization failures: a redirect to sign-in, or a 403 page.</summary>
public static class ConsoleAuthorization
{
    /// <summary>Answers a console request that was challenged (not signed in) or forbidden (role missing).</summary>
    public static async Task HandleAsync(HttpContext http, bool forbidden)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!forbidden)
        {
            var back = http.Request.Method == HttpMethods.Get ? (http.Request.Path + http.Request.QueryString).ToString() : ConsoleSetup.Prefix;
            http.Response.Redirect(ConsoleSetup.Prefix + "/sign-in?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }
        await ConsoleContext.Of(http).Render<Forbidden>(status: StatusCodes.Status403Forbidden).ExecuteAsync(http).ConfigureAwait(false);
    }

    /// <summary>A console-local return address (<c>/console…</c>, never another host), else the console's home.</summary>
    public static string LocalReturn(string? returnUrl)
        => returnUrl is { Length: > 0 and <= 2000 } url
           && url.StartsWith(ConsoleSetup.Prefix, StringComparison.Ordinal)
           && (url.Length == ConsoleSetup.Prefix.Length || url[ConsoleSetup.Prefix.Length] is '/' or '?')
           && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : ConsoleSetup.Prefix;
}
