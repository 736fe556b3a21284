using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary>
/// <c>POST /api/employees/{id}/transfer</c>: moves the employee to a department under a manager (or none); with the same
/// department it changes the manager only. 409 <c>reporting-cycle</c> when the employee would end up above their own
/// manager, decided under the tenant's org-change lock from current state (two transfers that together close a cycle
/// cannot both succeed).
/// </summary>
public static class TransferEmployeeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="DepartmentId">An existing department (else 404).</param>
    /// <param name="ManagerId">An existing employee (else 404), or none: the employee then has no named manager.</param>
    public sealed record Request(Guid? DepartmentId, Guid? ManagerId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.DepartmentId).NotNull();
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/transfer", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time, HttpContext http) =>
                executor.Execute<Employee>(id, async (session, e) =>
                {
                    await OrgChanges.LockAsync(executor, request, http.RequestAborted).ConfigureAwait(false);
                    await OrgChanges.EnsureDepartmentAsync(session, body.DepartmentId!.Value, http.RequestAborted).ConfigureAwait(false);
                    var chain = await OrgChanges.ManagerChainAsync(session, body.ManagerId, http.RequestAborted).ConfigureAwait(false);
                    return [.. e.Transfer(new TransferEmployee(body.DepartmentId.Value, body.ManagerId), chain, request.Decision(time))];
                }, Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("TransferEmployee")
            .WithSummary("Transfer an employee or change their manager")
            .WithDescription("hr. 409 reporting-cycle (the manager reports, directly or not, to the employee), 409 employee-terminated.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
