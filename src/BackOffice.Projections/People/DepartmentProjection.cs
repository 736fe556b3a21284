using BackOffice.Domain.People;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.People;

/// <summary>The department's snapshot, kept inline; evolution is the domain's own <see cref="Department.Evolve"/>.</summary>
public sealed class DepartmentProjection : SingleStreamProjection<Department, Guid>
{
    /// <inheritdoc />
    public override Department? Evolve(Department? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Department.Evolve(snapshot, e.Data);
    }
}
