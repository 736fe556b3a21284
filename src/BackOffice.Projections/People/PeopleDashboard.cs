using BackOffice.Domain.People;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten;

namespace BackOffice.Projections.People;

/// <summary>
/// One employee's line of the people dashboard (document id: the employee id): the employee's state, folded by the
/// domain's own <see cref="Employee.Evolve"/>, kept asynchronously so that the dashboard's reads never weigh on commands.
/// The day-dependent figures (headcount, training compliance, contracts ending) are computed at read time by the
/// domain's rules. Holds ids, titles, dates and the agency: no personal value.
/// </summary>
public sealed class PeopleDashboardLine
{
    /// <summary>The employee's id.</summary>
    public Guid Id { get; set; }
    /// <summary>The employee's state.</summary>
    public Employee? Employee { get; set; }
    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>Builds <see cref="PeopleDashboardLine"/> (async, one document per employee).</summary>
public sealed class PeopleDashboardLineProjection : StreamLine<PeopleDashboardLine, IEmployeeEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "PeopleEmployees";

    /// <summary>Takes the employees' events only.</summary>
    public PeopleDashboardLineProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override PeopleDashboardLine? Apply(PeopleDashboardLine? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var employee = Employee.Evolve(snapshot?.Employee, e.Data);
        if (employee is null) return snapshot;
        var line = snapshot ?? new PeopleDashboardLine { Id = id };
        line.Employee = employee;
        line.UpdatedAt = EventTime.Of(e);
        return line;
    }
}
