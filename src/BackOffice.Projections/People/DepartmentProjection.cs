using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.People;

namespace BackOffice.Projections.People;

/// <summary>The department's snapshot, kept inline; evolution is the domain's own <see cref="Department.Evolve"/>.</summary>
public sealed class DepartmentProjection() : Snapshot<Department, IDepartmentEvent>(Department.Evolve);
