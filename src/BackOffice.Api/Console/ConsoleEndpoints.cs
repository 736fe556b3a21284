using BackOffice.Api.Identity;
using BackOffice.Api.WebConsole.Pages;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// The web console at <c>/console</c> (ADR 22): server-rendered pages for auditors and managers, reading through the
/// same queries as the API, in-process. Not part of the HTTP contract: excluded from the OpenAPI document.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>Maps every console route.</summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup(ConsoleSetup.Prefix).ExcludeFromDescription();
        console.MapGet("/", (HttpContext http) => ConsoleContext.Of(http).Render<Home>()).RequireAuthorization(Roles.AnyUser);
        console.MapGet("/assets/{name}", (string name) => ConsoleAssets.Get(name)).AllowAnonymous();
        ConsoleSignIn.Map(console);
        ConsoleAuditPages.Map(console);
        ConsoleDashboardPages.Map(console);
        ConsolePersonalDataPages.Map(console);
        return app;
    }
}
