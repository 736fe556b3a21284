using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.People;

namespace BackOffice.Projections.People;

/// <summary>
/// The employee's snapshot, kept inline: the details read model and the employees list (no personal value: name and
/// e-mail are joined from the personal-data store at read time). Evolution is the domain's own <see cref="Employee.Evolve"/>.
/// </summary>
public sealed class EmployeeProjection() : Snapshot<Employee, IEmployeeEvent>(Employee.Evolve);
