using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/reject</c>: rejects the candidate (from any stage before <c>Hired</c>) with one of the
/// fixed reasons; <c>Other</c> needs notes. The notes go to the personal-data store.
/// </summary>
public static class RejectCandidateEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">DoesNotFit, PositionFilled, Duplicate, Spam or Other.</param>
    /// <param name="Notes">Notes (required for Other; at most 4,000 characters).</param>
    public sealed record Request(RejectionReason? Reason, string? Notes);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Notes).MaxChars(Domain.Recruiting.Candidate.MaxNotesLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/reject", (Guid id, Request body, CommandExecutor executor, IPersonalDataStore personalData, HttpContext http) =>
                executor.Execute<Candidate>(id, c => c.Reject(new RejectCandidate(body.Reason!.Value, body.Notes)), Responses.Ok,
                    CandidateNotes.Put(personalData, CandidateFields.RejectionNotes, body.Notes, http.RequestAborted)))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("RejectCandidate")
            .WithSummary("Reject a candidate")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
