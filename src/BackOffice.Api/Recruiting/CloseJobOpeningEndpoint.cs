using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary><c>POST /api/job-openings/{id}/close</c>: closes an open opening (cancelled, budget withdrawn…).</summary>
public static class CloseJobOpeningEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why (1–500; about the opening, not about a person).</param>
    public sealed record Request(string? Reason);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Reason).MaxChars(Bounds.Reason);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/job-openings/{id:guid}/close", (Guid id, Request body, CommandExecutor executor) =>
                executor.Execute<JobOpening>(id, opening => [.. opening.Close(new CloseJobOpening(body.Reason!))], Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("CloseJobOpening")
            .WithSummary("Close a job opening")
            .WithDescription("Closing a closed opening changes nothing; a filled opening answers 409 job-opening-not-open.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
