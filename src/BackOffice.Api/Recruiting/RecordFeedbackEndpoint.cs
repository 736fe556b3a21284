using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/interviews/{interviewId}/feedback</c>: an interviewer of that interview (any role but
/// auditor) or hr records feedback, once per user and interview; anyone else gets 403 <c>not-an-interviewer</c>.
/// The notes go to the personal-data store.
/// </summary>
public static class RecordFeedbackEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Score">1 (poor) to 5 (excellent).</param>
    /// <param name="Recommendation">Hire, NoHire or Unsure.</param>
    /// <param name="Notes">Feedback notes, optional (at most 4,000 characters).</param>
    public sealed record Request(int? Score, Recommendation? Recommendation, string? Notes);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Score).NotNull();
            RuleFor(r => r.Recommendation).NotNull();
            RuleFor(r => r.Score).Within(1, 5);
            RuleFor(r => r.Notes).MaxChars(Domain.Recruiting.Candidate.MaxNotesLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/interviews/{interviewId:guid}/feedback",
                (Guid id, Guid interviewId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time,
                    IPersonalDataStore personalData, HttpContext http) =>
                    executor.Execute<Candidate>(id,
                        c => c.RecordFeedback(new RecordInterviewFeedback(interviewId, body.Score!.Value, body.Recommendation!.Value, body.Notes),
                            request.Decision(time), actingAsHr: request.Holds(Roles.Hr)),
                        Responses.Ok,
                        CandidateNotes.Put(personalData, CandidateFields.FeedbackNotes(interviewId, request.User), body.Notes, http.RequestAborted)))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.Staff)
            .WithName("RecordInterviewFeedback")
            .WithSummary("Record interview feedback")
            .WithDescription("The interview's interviewers (any role but auditor) and hr; anyone else: 403 not-an-interviewer.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
