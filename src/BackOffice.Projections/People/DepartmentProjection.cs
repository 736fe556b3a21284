using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.People;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.People;

/// <summary>The department's snapshot, kept inline; evolution is the domain's own <see cref="Department.Evolve"/>.</summary>
public sealed class DepartmentProjection : SingleStreamProjection<Department, Guid>
{
    /// <summary>
    /// Only the stream's own events: without this allow-list Marten would load this snapshot for every stream a
    /// session appends to (one round trip per snapshot type on every command of every context).
    /// </summary>
    public DepartmentProjection()
    {
        foreach (var type in EventTypes.Of<IDepartmentEvent>()) IncludeType(type);
    }

    /// <inheritdoc />
    public override Department? Evolve(Department? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Department.Evolve(snapshot, e.Data);
    }
}
