namespace BackOffice.Domain.FrontDesk;

/// <summary>Routes an item to an employee or to a department (exactly one), who must exist in the tenant.</summary>
/// <param name="EmployeeId">The addressed employee.</param>
/// <param name="DepartmentId">The addressed department.</param>
public sealed record RouteCorrespondence(Guid? EmployeeId = null, Guid? DepartmentId = null);

public sealed partial record Correspondence
{
    /// <summary>
    /// Decides a routing or a re-routing: to exactly one employee or department (the host checks that it exists). An
    /// item can be routed until it is answered or closed; a re-routed item waits for its new addressee's
    /// acknowledgement. Routing to the current addressee again changes nothing.
    /// </summary>
    public IReadOnlyList<ICorrespondenceEvent> Route(RouteCorrespondence command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if ((command.EmployeeId is null) == (command.DepartmentId is null))
            throw DomainException.Invalid("employeeId", "Route to an employee or to a department: give exactly one of 'employeeId' and 'departmentId'.");
        RequireNotClosed("routed");
        if (Status == CorrespondenceStatus.Replied)
            throw new DomainException(ErrorCodes.CorrespondenceTransitionNotAllowed, $"Item {RegisterNumber} was answered and cannot be routed.");
        if (Status == CorrespondenceStatus.Routed && Addressee == new Addressee(command.EmployeeId, command.DepartmentId)) return [];
        return [new CorrespondenceRouted(Id, command.EmployeeId, command.DepartmentId, context.User, context.Now)];
    }
}
