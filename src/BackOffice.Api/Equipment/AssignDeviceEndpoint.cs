using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Equipment;
using BackOffice.Domain.People;
using Marten;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>POST /api/devices/{id}/assign</c>: assigns the device to an employee or a department (exactly one), which must
/// exist in the tenant (else 404); a terminated employee is 409 <c>employee-terminated</c>.
/// </summary>
public static class AssignDeviceEndpoint
{
    /// <summary>Body of the request: exactly one of the two.</summary>
    /// <param name="EmployeeId">An existing employee.</param>
    /// <param name="DepartmentId">An existing department.</param>
    public sealed record Request(Guid? EmployeeId, Guid? DepartmentId);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/assign", (Guid id, Request body, CommandExecutor executor, TimeProvider time, HttpContext http) =>
                executor.Execute<Device>(id, d => d.Assign(new AssignDevice(body.EmployeeId, body.DepartmentId)), Responses.Ok,
                    async (session, _) => await RequireAssignee(session, body, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false)))
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("AssignDevice")
            .WithSummary("Assign a device to an employee or a department")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

    private static async Task RequireAssignee(IDocumentSession session, Request body, DateTimeOffset now, CancellationToken cancellation)
    {
        if (body.EmployeeId is { } employee)
        {
            var assignee = await session.LoadAsync<Employee>(employee, cancellation).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCodes.NotFound, $"Employee {employee} was not found.", "employeeId");
            assignee.EnsureAssignable(now, "employeeId");
        }
        if (body.DepartmentId is { } department && await session.LoadAsync<Department>(department, cancellation).ConfigureAwait(false) is null)
            throw new DomainException(ErrorCodes.NotFound, $"Department {department} was not found.", "departmentId");
    }
}
