using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Api.WebConsole.Pages;
using BackOffice.Projections.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// hr's pages: a person's subject-access view (the personal-data store, as <c>GET /api/personal-data/{subjectId}</c>
/// reads it) and erasure after a confirmation step (as <c>DELETE /api/personal-data/{subjectId}</c>, through the
/// command executor, so the erasure is audited with the console user and the reason given).
/// </summary>
public static class ConsolePersonalDataPages
{
    /// <summary>The longest audit reason (as <c>X-Reason</c>).</summary>
    public const int MaxReasonLength = 500;

    internal static void Map(RouteGroupBuilder console)
    {
        var hr = Roles.AnyOf(Roles.Hr);
        console.MapGet("/personal-data", async ([FromQuery] string? subjectId, [FromQuery] bool? erased, HttpContext http, IDocumentStore store,
                IPersonalDataStore personalData, RequestContext request) =>
            {
                var context = ConsoleContext.Of(http);
                if (subjectId is null) return context.Render<PersonalDataPage>(new { Erased = false });
                if (!Guid.TryParse(subjectId, out var subject))
                    return context.Render<PersonalDataPage>(new { Invalid = true, Erased = false }, StatusCodes.Status400BadRequest);
                var view = await Load(store, personalData, request, subject, http.RequestAborted).ConfigureAwait(false);
                return context.Render<PersonalDataPage>(new { SubjectId = subject, View = view, Erased = erased == true },
                    view is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
            })
            .RequireAuthorization(hr);

        console.MapGet("/personal-data/{subjectId:guid}/erase", async (Guid subjectId, HttpContext http, IDocumentStore store,
                IPersonalDataStore personalData, RequestContext request) =>
            {
                var view = await Load(store, personalData, request, subjectId, http.RequestAborted).ConfigureAwait(false);
                return ConsoleContext.Of(http).Render<EraseConfirmation>(new { SubjectId = subjectId, View = view, Invalid = false },
                    view is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
            })
            .RequireAuthorization(hr);

        console.MapPost("/personal-data/{subjectId:guid}/erase", async (Guid subjectId, [FromForm] string? confirm, [FromForm] string? reason,
                HttpContext http, CommandExecutor executor, IPersonalDataStore personalData, IDocumentStore store, RequestContext request, TimeProvider time) =>
            {
                reason = reason?.Trim();
                if (confirm != "yes" || reason is { Length: > MaxReasonLength } || (reason?.Any(char.IsControl) ?? false))
                {
                    var view = await Load(store, personalData, request, subjectId, http.RequestAborted).ConfigureAwait(false);
                    return (IResult)ConsoleContext.Of(http).Render<EraseConfirmation>(new { SubjectId = subjectId, View = view, Invalid = true },
                        StatusCodes.Status400BadRequest);
                }
                request.Reason = string.IsNullOrEmpty(reason) ? null : reason;
                var erased = false;
                await executor.Within(async session =>
                {
                    erased = await personalData.EraseAsync(session, subjectId, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
                    if (erased) await session.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
                    return Results.Empty;
                }).ConfigureAwait(false);
                return erased
                    ? Results.Redirect($"{ConsoleSetup.Prefix}/personal-data?subjectId={subjectId}&erased=true")
                    : ConsoleContext.Of(http).Render<PersonalDataPage>(new { SubjectId = subjectId, Erased = false }, StatusCodes.Status404NotFound);
            })
            .RequireAuthorization(hr);
    }

    private static async Task<GetPersonalDataEndpoint.PersonalDataView?> Load(IDocumentStore store, IPersonalDataStore personalData, RequestContext request,
        Guid subjectId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(request);
        return await GetPersonalDataEndpoint.LoadAsync(session, personalData, subjectId, cancellation).ConfigureAwait(false);
    }
}
