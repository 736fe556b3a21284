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

/// <summary>A department was moved under another department, or made a top-level department.</summary>
/// <param name="DepartmentId">The department.</param>
/// <param name="ParentId">Its new parent, <c>null</c> for a top-level department.</param>
public sealed record DepartmentReparented(Guid DepartmentId, Guid? ParentId) : IDepartmentEvent;

/// <summary>A department's manager was named, replaced or removed.</summary>
/// <param name="DepartmentId">The department.</param>
/// <param name="ManagerId">The employee who manages it now, <c>null</c> for none.</param>
public sealed record DepartmentManagerChanged(Guid DepartmentId, Guid? ManagerId) : IDepartmentEvent;

/// <summary>The terms of an employee's contract were set (at hire or rehire when not permanent, or changed later).</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="EmploymentType">Permanent, fixed-term or temporary.</param>
/// <param name="ContractEndsOn">Last day of a fixed-term or temporary contract; <c>null</c> when permanent.</param>
/// <param name="Agency">The agency of a temporary worker (an organisation's name, not a person's).</param>
public sealed record EmploymentContractChanged(
    Guid EmployeeId, Guid SubjectId, EmploymentType EmploymentType, DateOnly? ContractEndsOn, string? Agency) : IEmployeeEvent;

/// <summary>An employee moved to a department (possibly the same one) and reports to a manager (or to none).</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="FromDepartmentId">The department before.</param>
/// <param name="DepartmentId">The department now.</param>
/// <param name="ManagerId">The manager now, <c>null</c> for none.</param>
public sealed record EmployeeTransferred(Guid EmployeeId, Guid SubjectId, Guid FromDepartmentId, Guid DepartmentId, Guid? ManagerId) : IEmployeeEvent;

/// <summary>An employee's position (job title) changed.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Position">The new job title.</param>
public sealed record EmployeePositionChanged(Guid EmployeeId, Guid SubjectId, string Position) : IEmployeeEvent;

/// <summary>An employee was linked to the user name of their credentials (unique per tenant).</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="UserName">The user name (an API key's name or a token's <c>sub</c>).</param>
public sealed record EmployeeUserLinked(Guid EmployeeId, Guid SubjectId, string UserName) : IEmployeeEvent;

/// <summary>A course was assigned to an employee.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="TrainingId">The assignment's id.</param>
/// <param name="Course">The course.</param>
/// <param name="DueOn">The day it must be completed by.</param>
public sealed record TrainingAssigned(Guid EmployeeId, Guid SubjectId, Guid TrainingId, string Course, DateOnly DueOn) : IEmployeeEvent;

/// <summary>An employee completed an assigned course.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="TrainingId">The assignment.</param>
/// <param name="CompletedOn">The day it was completed.</param>
/// <param name="ValidUntil">The last day a certification is valid, <c>null</c> when it does not expire.</param>
public sealed record TrainingCompleted(Guid EmployeeId, Guid SubjectId, Guid TrainingId, DateOnly CompletedOn, DateOnly? ValidUntil) : IEmployeeEvent;

/// <summary>
/// A disciplinary action was recorded. Its reason is free text about the person: it is kept in the personal-data store
/// under the subject (field <c>disciplinary-reason:{actionId}</c>), never here.
/// </summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="ActionId">The action's id.</param>
/// <param name="Level">Verbal, written or final warning, or suspension.</param>
/// <param name="IssuedBy">The user who issued it.</param>
/// <param name="IssuedOn">The day it was issued.</param>
/// <param name="ExpiresOn">The last day it is in force (a suspension's last day), <c>null</c> when it does not expire.</param>
public sealed record DisciplinaryActionRecorded(
    Guid EmployeeId, Guid SubjectId, Guid ActionId, DisciplinaryLevel Level, string IssuedBy, DateOnly IssuedOn, DateOnly? ExpiresOn) : IEmployeeEvent;

/// <summary>An employee's employment ends (or will end) on a day.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveOn">The first day the employee is no longer employed.</param>
/// <param name="GrossMisconduct">A dismissal for gross misconduct (no final warning needed).</param>
public sealed record EmployeeTerminated(Guid EmployeeId, Guid SubjectId, TerminationReason Reason, DateOnly EffectiveOn, bool GrossMisconduct) : IEmployeeEvent;

/// <summary>A former employee was hired again: a new employment on the same stream and subject (permanent unless a
/// <see cref="EmploymentContractChanged"/> follows).</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Position">Job title.</param>
/// <param name="DepartmentId">Department.</param>
/// <param name="ManagerId">Manager, when named.</param>
/// <param name="StartDate">First day of the new employment.</param>
public sealed record EmployeeRehired(Guid EmployeeId, Guid SubjectId, string Position, Guid DepartmentId, Guid? ManagerId, DateOnly StartDate) : IEmployeeEvent;
