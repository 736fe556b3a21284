using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BackOffice.Api.Identity;

/// <summary>Answers 401 and 403 as problem details (<c>unauthenticated</c>, <c>forbidden</c>); the console's as pages.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (WebConsole.ConsoleSetup.IsConsole(context) && (authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await WebConsole.ConsoleAuthorization.HandleAsync(context, authorizeResult.Forbidden).ConfigureAwait(false);
            return;
        }
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\", Bearer";
            await Problem.WriteAsync(context, ProblemCatalog.Codes.Unauthenticated,
                "Send a valid X-Api-Key header or an Authorization: Bearer token.").ConfigureAwait(false);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            await Problem.WriteAsync(context, ProblemCatalog.Codes.Forbidden,
                "Your credentials do not hold a role this action needs.").ConfigureAwait(false);
            return;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
