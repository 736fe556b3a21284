using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;

namespace BackOffice.Api.Recruiting;

/// <summary><c>POST /api/candidates/{id}/shortlist</c>: puts a screened candidate on the shortlist. No body, or <c>{}</c>.</summary>
public static class ShortlistCandidateEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/shortlist", (Guid id, CommandExecutor executor) =>
                executor.Execute<Candidate>(id, c => c.Shortlist(new ShortlistCandidate()), Responses.Ok))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ShortlistCandidate")
            .WithSummary("Shortlist a candidate")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
