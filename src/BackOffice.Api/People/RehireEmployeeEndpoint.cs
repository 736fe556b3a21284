using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary>
/// <c>POST /api/employees/{id}/rehire</c> {position, departmentId, startDate, managerId?, employmentType?,
/// contractEndsOn?, agency?}: a terminated employee starts a new employment on the same stream and subject.
/// </summary>
public static class RehireEmployeeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Position">Job title (1–200).</param>
    /// <param name="DepartmentId">An existing department (else 404).</param>
    /// <param name="StartDate">First day (on or after the last employment ended).</param>
    /// <param name="ManagerId">An existing employee, optional (else 404).</param>
    /// <param name="EmploymentType">Permanent (default), FixedTerm or Temporary.</param>
    /// <param name="ContractEndsOn">Last day: required unless permanent.</param>
    /// <param name="Agency">Required for (and only for) a temporary worker.</param>
    public sealed record Request(string? Position, Guid? DepartmentId, DateOnly? StartDate, Guid? ManagerId = null,
        EmploymentType? EmploymentType = null, DateOnly? ContractEndsOn = null, string? Agency = null);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Position).NotNull();
            RuleFor(r => r.DepartmentId).NotNull();
            RuleFor(r => r.StartDate).NotNull();
            RuleFor(r => r.Position).MaxChars(Bounds.Text);
            RuleFor(r => r.Agency).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees/{id:guid}/rehire", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time, HttpContext http) =>
                executor.Execute<Employee>(id, async (session, e) =>
                {
                    await OrgChanges.LockAsync(executor, request, http.RequestAborted).ConfigureAwait(false);
                    await OrgChanges.EnsureDepartmentAsync(session, body.DepartmentId!.Value, http.RequestAborted).ConfigureAwait(false);
                    var chain = await OrgChanges.ManagerChainAsync(session, body.ManagerId, http.RequestAborted).ConfigureAwait(false);
                    return [.. e.Rehire(new RehireEmployee(body.Position!, body.DepartmentId.Value, body.StartDate!.Value, body.ManagerId,
                        body.EmploymentType ?? EmploymentType.Permanent, body.ContractEndsOn, body.Agency), chain, request.Decision(time))];
                }, Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("RehireEmployee")
            .WithSummary("Rehire a terminated employee")
            .WithDescription("hr. 409 employee-not-terminated (still employed), 409 reporting-cycle.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
