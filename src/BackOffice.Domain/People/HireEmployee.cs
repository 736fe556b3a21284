namespace BackOffice.Domain.People;

/// <summary>
/// Hires an employee, directly or from a candidate. The person's name and e-mail are the personal-data store's (for
/// a direct hire, the host validates them with <see cref="Guard"/> and stores them under <paramref name="SubjectId"/>);
/// a hire from a candidate reuses the candidate's subject id.
/// </summary>
/// <param name="EmployeeId">The id the new employee gets (made at the edge, Guid v7).</param>
/// <param name="SubjectId">The person (the candidate's subject id when hired from a candidate).</param>
/// <param name="Position">Job title (1–200).</param>
/// <param name="DepartmentId">Department (its existence is the host's to check).</param>
/// <param name="ManagerId">Manager, optional (an existing employee, not the new one).</param>
/// <param name="StartDate">First day.</param>
/// <param name="CandidateId">The candidate hired, when any.</param>
/// <param name="EmploymentType">Contract type (permanent by default).</param>
/// <param name="ContractEndsOn">Last day: required for fixed-term and temporary, refused for permanent.</param>
/// <param name="Agency">The agency: required for temporary, refused otherwise.</param>
public sealed record HireEmployee(
    Guid EmployeeId, Guid SubjectId, string Position, Guid DepartmentId, Guid? ManagerId, DateOnly StartDate, Guid? CandidateId = null,
    EmploymentType EmploymentType = EmploymentType.Permanent, DateOnly? ContractEndsOn = null, string? Agency = null);

public sealed partial record Employee
{
    /// <summary>Decides a hire: starts the employee's stream, <c>Active</c> (with <see cref="EmploymentContractChanged"/>
    /// after <see cref="EmployeeHired"/> when the contract is not permanent).</summary>
    public static IReadOnlyList<IEmployeeEvent> Hire(HireEmployee command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.SubjectId == Guid.Empty) throw DomainException.Invalid("subjectId", "'subjectId' is required.");
        var position = Guard.Text(command.Position, "position");
        if (command.DepartmentId == Guid.Empty) throw DomainException.Invalid("departmentId", "'departmentId' is required.");
        var manager = command.ManagerId == Guid.Empty ? null : command.ManagerId;
        if (manager == command.EmployeeId) throw DomainException.Invalid("managerId", "An employee cannot be their own manager.");
        if (command.StartDate == default) throw DomainException.Invalid("startDate", "'startDate' is required.");
        var candidate = command.CandidateId == Guid.Empty ? null : command.CandidateId;
        var terms = Terms(command.EmployeeId, command.SubjectId, command.EmploymentType, command.ContractEndsOn, command.Agency, command.StartDate, always: false);
        IEmployeeEvent hired = new EmployeeHired(command.EmployeeId, command.SubjectId, position, command.DepartmentId, manager, command.StartDate, candidate);
        return terms is null ? [hired] : [hired, terms];
    }
}
