namespace BackOffice.Domain.People;

/// <summary>Marker for the facts of a department. Every event is a versioned public contract.</summary>
public interface IDepartmentEvent
{
    /// <summary>The department the fact belongs to (its stream id).</summary>
    Guid DepartmentId { get; }
}

/// <summary>
/// Marker for the facts of an employee. Every event is a versioned public contract. Employee events carry the
/// person's <see cref="SubjectId"/> and references only: names, contact details and free text about the person live
/// in the personal-data store.
/// </summary>
public interface IEmployeeEvent
{
    /// <summary>The employee the fact belongs to (its stream id).</summary>
    Guid EmployeeId { get; }

    /// <summary>The person, as known to the personal-data store.</summary>
    Guid SubjectId { get; }
}

/// <summary>A department was created.</summary>
/// <param name="DepartmentId">The new department's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentId">The department it belongs to, when any.</param>
/// <param name="ManagerId">The employee who manages it, when named.</param>
public sealed record DepartmentCreated(Guid DepartmentId, string Name, Guid? ParentId, Guid? ManagerId) : IDepartmentEvent;

/// <summary>An employee was hired (directly, or from a candidate whose subject id the employee keeps).</summary>
/// <param name="EmployeeId">The new employee's id.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Position">Job title.</param>
/// <param name="DepartmentId">Department.</param>
/// <param name="ManagerId">Manager (an employee), when named.</param>
/// <param name="StartDate">First day.</param>
/// <param name="CandidateId">The candidate the employee was hired from, when any.</param>
public sealed record EmployeeHired(
    Guid EmployeeId, Guid SubjectId, string Position, Guid DepartmentId, Guid? ManagerId, DateOnly StartDate, Guid? CandidateId) : IEmployeeEvent;
