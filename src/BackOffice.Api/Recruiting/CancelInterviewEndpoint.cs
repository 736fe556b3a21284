using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/interviews/{interviewId}/cancel</c>: cancels a scheduled interview. The reason is free
/// text about a person's process: it goes to the personal-data store, not to the event.
/// </summary>
public static class CancelInterviewEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why (required, at most 4,000 characters).</param>
    public sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Reason).MaxChars(Domain.Recruiting.Candidate.MaxNotesLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/interviews/{interviewId:guid}/cancel",
                (Guid id, Guid interviewId, Request body, CommandExecutor executor, IPersonalDataStore personalData, HttpContext http) =>
                    executor.Execute<Candidate>(id, c => c.Cancel(new CancelInterview(interviewId, body.Reason!)), Responses.Ok,
                        CandidateNotes.Put(personalData, CandidateFields.InterviewCancellation(interviewId), body.Reason, http.RequestAborted)))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("CancelInterview")
            .WithSummary("Cancel an interview")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
