namespace BackOffice.Domain.People;

/// <summary>Moves an employee to a department (possibly the same) under a manager (or none): also how a manager changes.</summary>
/// <param name="DepartmentId">The department (its existence is the host's to check).</param>
/// <param name="ManagerId">The new manager, <c>null</c> for none.</param>
public sealed record TransferEmployee(Guid DepartmentId, Guid? ManagerId);

public sealed partial record Employee
{
    /// <summary>
    /// Decides a transfer. <paramref name="managerChain"/> is the new manager followed by their managers up to the top,
    /// as loaded by the host from current state: the employee may not appear in it (409 <c>reporting-cycle</c>).
    /// Nothing happens when department and manager are unchanged.
    /// </summary>
    public IReadOnlyList<IEmployeeEvent> Transfer(TransferEmployee command, IReadOnlyList<Guid> managerChain, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(managerChain);
        EnsureNotTerminated(context);
        if (command.DepartmentId == Guid.Empty) throw DomainException.Invalid("departmentId", "'departmentId' is required.");
        var manager = NoEmpty(command.ManagerId);
        if (manager == Id || (manager is not null && ReportingLine.ClosesCycle(Id, managerChain)))
            throw ReportingLine.Cycle($"Employee {Id} cannot report to {manager}: the reporting line would form a cycle.");
        return command.DepartmentId == DepartmentId && manager == ManagerId
            ? []
            : [new EmployeeTransferred(Id, SubjectId, DepartmentId, command.DepartmentId, manager)];
    }
}
