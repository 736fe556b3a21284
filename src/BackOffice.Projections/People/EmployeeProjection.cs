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
    /// <inheritdoc />
    public override Employee? Evolve(Employee? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Employee.Evolve(snapshot, e.Data);
    }
}
