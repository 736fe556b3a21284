using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Api.Workflows;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/offer/accept</c>: the candidate accepts the offer (409 <c>offer-expired</c> after its
/// expiry day). The <see cref="HireAcceptedCandidate"/> message goes into Wolverine's transactional outbox in the same
/// transaction as the <c>offer_accepted_v1</c> event; the hire workflow then makes the candidate <c>Hired</c> with an
/// <c>employeeId</c>. No body, or <c>{}</c>.
/// </summary>
public static class AcceptOfferEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/offer/accept",
                (Guid id, CommandExecutor executor, RequestContext request, TimeProvider time, CommandOutbox outbox) =>
                    executor.Execute<Candidate>(id, c => c.Accept(new AcceptOffer(), request.Decision(time)), Responses.Ok,
                        (session, result) => HireWorkflow.PublishAsync(outbox, session, request, result)))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("AcceptOffer")
            .WithSummary("Record that the candidate accepted the offer")
            .WithDescription("The hire follows by workflow within seconds: the candidate becomes Hired with employeeId; the employee keeps the candidate's subjectId.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
