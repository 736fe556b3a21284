using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/screen</c>: records the screening outcome (not passed: the candidate is rejected with
/// reason <c>DoesNotFit</c>). The notes go to the personal-data store.
/// </summary>
public static class ScreenCandidateEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Passed">The outcome.</param>
    /// <param name="Notes">Screening notes, optional (at most 4,000 characters).</param>
    public sealed record Request(bool? Passed, string? Notes);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Passed).NotNull();
            RuleFor(r => r.Notes).MaxChars(Domain.Recruiting.Candidate.MaxNotesLength);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/screen", (Guid id, Request body, CommandExecutor executor, IPersonalDataStore personalData, HttpContext http) =>
                executor.Execute<Candidate>(id, c => c.Screen(new ScreenCandidate(body.Passed!.Value, body.Notes)), Responses.Ok,
                    CandidateNotes.Put(personalData, CandidateFields.ScreeningNotes, body.Notes, http.RequestAborted)))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ScreenCandidate")
            .WithSummary("Screen a candidate")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
