using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary>
/// <c>POST /api/employees/{id}/trainings/{trainingId}/complete</c> {completedOn, validUntil?}: records the completion
/// (with the last valid day of a certification).
/// </summary>
public static class CompleteTrainingEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="CompletedOn">The day it was completed (not in the future).</param>
    /// <param name="ValidUntil">Last valid day of a certification (not before completedOn).</param>
    public sealed record Request(DateOnly? CompletedOn, DateOnly? ValidUntil);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.CompletedOn).NotNull();
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/trainings/{trainingId:guid}/complete",
                (Guid id, Guid trainingId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<Employee>(id, e => e.CompleteTraining(new CompleteTraining(trainingId, body.CompletedOn!.Value, body.ValidUntil), request.Decision(time)),
                        Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("CompleteTraining")
            .WithSummary("Record a completed training")
            .WithDescription("hr. 404 for an unknown training; 409 training-already-completed, 409 employee-terminated.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
