using BackOffice.Api.Identity;
using BackOffice.Projections.PersonalData;

namespace BackOffice.Api.PersonalData;

/// <summary>
/// <c>DELETE /api/personal-data/{subjectId}</c>: erasure. The values leave the personal-data store and every read
/// model holding a copy, <c>PersonalDataErased</c> is appended to the subject's stream, every other fact stays. 204;
/// erasing an erased subject is 204 again and changes nothing; an unknown subject is 404.
/// </summary>
public static class ErasePersonalDataEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/personal-data/{subjectId:guid}", (Guid subjectId, CommandExecutor executor, IPersonalDataStore personalData, TimeProvider time, HttpContext http) =>
                executor.Within(async session =>
                {
                    var erased = await personalData.EraseAsync(session, subjectId, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
                    if (!erased) return Problem.Result(Domain.Common.ErrorCodes.NotFound, $"Nothing is held about subject {subjectId}.");
                    await session.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
                    return TypedResults.NoContent();
                }))
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ErasePersonalData")
            .WithSummary("Erase a person's personal data")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesReadProblems();
}
