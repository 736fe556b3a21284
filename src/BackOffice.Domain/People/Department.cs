namespace BackOffice.Domain.People;

/// <summary>
/// A department of the organisation. An immutable state built from its events by <see cref="Evolve"/>; decision
/// methods return the events a command causes or throw a <see cref="DomainException"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Name">Name.</param>
/// <param name="ParentId">The department it belongs to, when any.</param>
/// <param name="ManagerId">The employee who manages it, when named.</param>
public sealed partial record Department(Guid Id, string Name, Guid? ParentId, Guid? ManagerId)
{
    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Department? Evolve(Department? state, object @event) => (state, @event) switch
    {
        (_, DepartmentCreated e) => new Department(e.DepartmentId, e.Name, e.ParentId, e.ManagerId),
        (Department s, DepartmentReparented e) => s with { ParentId = e.ParentId },
        (Department s, DepartmentManagerChanged e) => s with { ManagerId = e.ManagerId },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Department? From(IEnumerable<object> events) => events.Aggregate((Department?)null, Evolve);
}
