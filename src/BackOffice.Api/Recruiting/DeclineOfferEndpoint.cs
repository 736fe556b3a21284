using FluentValidation;
using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.PersonalData;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/offer/decline</c>: the candidate declines the offer and is <c>Withdrawn</c>. The reason
/// (optional) goes to the personal-data store. No body, <c>{}</c>, or <c>{ "reason" }</c>.
/// </summary>
public static class DeclineOfferEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why, optional (at most 4,000 characters).</param>
    public sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaxChars(Domain.Recruiting.Candidate.MaxNotesLength);
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/offer/decline", (Guid id, Request? body, CommandExecutor executor, IPersonalDataStore personalData, HttpContext http) =>
                executor.Execute<Candidate>(id, c => c.Decline(new DeclineOffer(body?.Reason)), Responses.Ok,
                    CandidateNotes.Put(personalData, CandidateFields.DeclineReason, body?.Reason, http.RequestAborted)))
            .ValidatesIfPresent<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("DeclineOffer")
            .WithSummary("Record that the candidate declined the offer")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
