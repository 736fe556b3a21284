using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary>
/// <c>POST /api/employees/{id}/terminate</c> {reason, effectiveOn, grossMisconduct?}: ends the employment on
/// <c>effectiveOn</c> (a future day takes effect on that day). A dismissal needs a final warning in force unless for
/// gross misconduct (409 <c>final-warning-required</c>).
/// </summary>
public static class TerminateEmployeeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Resignation, Dismissal, EndOfContract, Retirement or Other.</param>
    /// <param name="EffectiveOn">The first day no longer employed.</param>
    /// <param name="GrossMisconduct">A dismissal for gross misconduct (default false).</param>
    public sealed record Request(TerminationReason? Reason, DateOnly? EffectiveOn, bool? GrossMisconduct);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.EffectiveOn).NotNull();
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/terminate", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<Employee>(id, e => e.Terminate(new TerminateEmployee(body.Reason!.Value, body.EffectiveOn!.Value, body.GrossMisconduct ?? false),
                    request.Decision(time)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("TerminateEmployee")
            .WithSummary("Terminate an employee")
            .WithDescription("hr. 409 final-warning-required (a dismissal without a final warning in force, not for gross misconduct), 409 employee-terminated.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
