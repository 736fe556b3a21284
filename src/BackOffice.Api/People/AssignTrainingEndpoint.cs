using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary><c>POST /api/employees/{id}/trainings</c> {course, dueOn}: assigns a course; answers the new <c>trainingId</c>.</summary>
public static class AssignTrainingEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Course">The course (1–200).</param>
    /// <param name="DueOn">The day it must be completed by.</param>
    public sealed record Request(string? Course, DateOnly? DueOn);

    /// <summary>The answer, with the new training's id.</summary>
    public sealed record Response(Guid Id, long Version, Guid TrainingId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Course).NotNull();
            RuleFor(r => r.DueOn).NotNull();
            RuleFor(r => r.Course).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/trainings", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Employee>(id, e => e.AssignTraining(new AssignTraining(body.Course!, body.DueOn!.Value), request.Decision(time)),
                    result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<TrainingAssigned>()!.TrainingId))))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("AssignTraining")
            .WithSummary("Assign a training course")
            .WithDescription("hr. 409 employee-terminated.")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
