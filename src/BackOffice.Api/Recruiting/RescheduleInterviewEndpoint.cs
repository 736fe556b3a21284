using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using FluentValidation;

namespace BackOffice.Api.Recruiting;

/// <summary><c>POST /api/candidates/{id}/interviews/{interviewId}/reschedule</c>: moves a scheduled interview to another time.</summary>
public static class RescheduleInterviewEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="At">The new time (in the future).</param>
    public sealed record Request(DateTimeOffset? At);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.At).NotNull();
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/candidates/{id:guid}/interviews/{interviewId:guid}/reschedule",
                (Guid id, Guid interviewId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<Candidate>(id, c => c.Reschedule(new RescheduleInterview(interviewId, body.At!.Value), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("RescheduleInterview")
            .WithSummary("Reschedule an interview")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
