namespace BackOffice.Domain.People;

/// <summary>Hires a former employee again, on the same stream and subject.</summary>
/// <param name="Position">Job title (1–200).</param>
/// <param name="DepartmentId">Department (its existence is the host's to check).</param>
/// <param name="StartDate">First day of the new employment (on or after the last one ended).</param>
/// <param name="ManagerId">Manager, optional.</param>
/// <param name="EmploymentType">Contract type (permanent by default).</param>
/// <param name="ContractEndsOn">Last day, for fixed-term and temporary.</param>
/// <param name="Agency">Agency, for temporary.</param>
public sealed record RehireEmployee(
    string Position, Guid DepartmentId, DateOnly StartDate, Guid? ManagerId = null,
    EmploymentType EmploymentType = EmploymentType.Permanent, DateOnly? ContractEndsOn = null, string? Agency = null);

public sealed partial record Employee
{
    /// <summary>
    /// Decides a rehire: only a terminated employee (409 <c>employee-not-terminated</c>); a new employment starts, the
    /// history stays. <paramref name="managerChain"/> is the new manager and their managers (see <see cref="Transfer"/>).
    /// </summary>
    public IReadOnlyList<IEmployeeEvent> Rehire(RehireEmployee command, IReadOnlyList<Guid> managerChain, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(managerChain);
        ArgumentNullException.ThrowIfNull(context);
        if (StatusOn(DayOf(context.Now)) != EmployeeStatus.Terminated)
            throw new DomainException(ErrorCodes.EmployeeNotTerminated, $"Employee {Id} is still employed: only a terminated employee can be rehired.");
        var position = Guard.Text(command.Position, "position");
        if (command.DepartmentId == Guid.Empty) throw DomainException.Invalid("departmentId", "'departmentId' is required.");
        if (command.StartDate == default) throw DomainException.Invalid("startDate", "'startDate' is required.");
        if (command.StartDate < Employments[^1].EndsOn) throw DomainException.Invalid("startDate", "'startDate' must not be before the last employment ended.");
        var manager = NoEmpty(command.ManagerId);
        if (manager == Id || (manager is not null && ReportingLine.ClosesCycle(Id, managerChain)))
            throw ReportingLine.Cycle($"Employee {Id} cannot report to {manager}: the reporting line would form a cycle.");
        var terms = Terms(Id, SubjectId, command.EmploymentType, command.ContractEndsOn, command.Agency, command.StartDate, always: false);
        IEmployeeEvent rehired = new EmployeeRehired(Id, SubjectId, position, command.DepartmentId, manager, command.StartDate);
        return terms is null ? [rehired] : [rehired, terms];
    }
}
