using BackOffice.Domain.People;
using JasperFx.Events.Projections;
using Marten;

namespace BackOffice.Projections.People;

/// <summary>People in the store: events, the department and employee snapshots.</summary>
internal static class PeopleStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddPeople(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<DepartmentCreated>("department_created_v1");
        events.MapEventType<EmployeeHired>("employee_hired_v1");

        options.Projections.Add(new DepartmentProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Department>().MultiTenanted();
        options.Projections.Add(new EmployeeProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Employee>().MultiTenanted().Duplicate(x => x.DepartmentId);
        return options;
    }
}
