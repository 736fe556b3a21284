using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary><c>POST /api/employees/{id}/position</c> {position}: changes the employee's job title.</summary>
public static class ChangePositionEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Position">The new job title (1–200).</param>
    public sealed record Request(string? Position);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Position).NotNull();
            RuleFor(r => r.Position).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/position", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Employee>(id, e => e.ChangePosition(new ChangePosition(body.Position!), request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ChangeEmployeePosition")
            .WithSummary("Change an employee's position")
            .WithDescription("hr. 409 employee-terminated.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
