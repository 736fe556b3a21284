using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.People;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.People;

/// <summary>
/// The employee's snapshot, kept inline: the details read model and the employees list (no personal value: name and
/// e-mail are joined from the personal-data store at read time). Evolution is the domain's own <see cref="Employee.Evolve"/>.
/// </summary>
public sealed class EmployeeProjection : SingleStreamProjection<Employee, Guid>
{
    /// <summary>
    /// Only the stream's own events: without this allow-list Marten would load this snapshot for every stream a
    /// session appends to (one round trip per snapshot type on every command of every context).
    /// </summary>
    public EmployeeProjection()
    {
        foreach (var type in EventTypes.Of<IEmployeeEvent>()) IncludeType(type);
    }

    /// <inheritdoc />
    public override Employee? Evolve(Employee? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Employee.Evolve(snapshot, e.Data);
    }
}
