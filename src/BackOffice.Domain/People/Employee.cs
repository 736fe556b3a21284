namespace BackOffice.Domain.People;

/// <summary>Where an employee stands. Later use cases (suspension, termination) add their statuses here.</summary>
public enum EmployeeStatus
{
    /// <summary>Employed.</summary>
    Active,
}

/// <summary>
/// A person employed by the organisation. An immutable state built from its events by <see cref="Evolve"/>; decision
/// methods return the events a command causes or throw a <see cref="DomainException"/>. The state holds no personal
/// data: only the <see cref="SubjectId"/> under which the personal-data store keeps it.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Position">Job title.</param>
/// <param name="DepartmentId">Department.</param>
/// <param name="ManagerId">Manager, when named.</param>
/// <param name="StartDate">First day.</param>
/// <param name="CandidateId">The candidate the employee was hired from, when any.</param>
/// <param name="Status">Current status.</param>
public sealed partial record Employee(
    Guid Id, Guid SubjectId, string Position, Guid DepartmentId, Guid? ManagerId, DateOnly StartDate, Guid? CandidateId, EmployeeStatus Status)
{
    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Employee? Evolve(Employee? state, object @event) => (state, @event) switch
    {
        (_, EmployeeHired e) => new Employee(e.EmployeeId, e.SubjectId, e.Position, e.DepartmentId, e.ManagerId, e.StartDate, e.CandidateId, EmployeeStatus.Active),
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Employee? From(IEnumerable<object> events) => events.Aggregate((Employee?)null, Evolve);
}
