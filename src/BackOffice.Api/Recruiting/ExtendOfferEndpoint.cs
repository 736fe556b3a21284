using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>POST /api/candidates/{id}/offer</c>: extends an offer to an interviewing candidate with at least one interview
/// feedback (else 409 <c>offer-needs-feedback</c>).
/// </summary>
public static class ExtendOfferEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Salary">&gt; 0, at most 2 decimals.</param>
    /// <param name="StartDate">Proposed first day (yyyy-MM-dd, today or later).</param>
    /// <param name="ExpiresOn">Last day to accept (yyyy-MM-dd, today or later).</param>
    public sealed record Request(decimal? Salary, DateOnly? StartDate, DateOnly? ExpiresOn);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Salary).NotNull();
            RuleFor(r => r.StartDate).NotNull();
            RuleFor(r => r.ExpiresOn).NotNull();
            RuleFor(r => r.Salary).Within(Bounds.Cent, Bounds.Money);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/offer", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Candidate>(id,
                    c => c.Extend(new ExtendOffer(body.Salary!.Value, body.StartDate!.Value, body.ExpiresOn!.Value), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ExtendOffer")
            .WithSummary("Extend an offer")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
