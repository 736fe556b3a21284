using BackOffice.Domain.People;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace BackOffice.Projections.People;

/// <summary>People in the store: events, the department and employee snapshots (user name unique per tenant), the dashboard lines.</summary>
internal static class PeopleStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddPeople(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<DepartmentCreated>("department_created_v1");
        events.MapEventType<DepartmentReparented>("department_reparented_v1");
        events.MapEventType<DepartmentManagerChanged>("department_manager_changed_v1");
        events.MapEventType<EmployeeHired>("employee_hired_v1");
        events.MapEventType<EmploymentContractChanged>("employment_contract_changed_v1");
        events.MapEventType<EmployeeTransferred>("employee_transferred_v1");
        events.MapEventType<EmployeePositionChanged>("employee_position_changed_v1");
        events.MapEventType<EmployeeUserLinked>("employee_user_linked_v1");
        events.MapEventType<TrainingAssigned>("training_assigned_v1");
        events.MapEventType<TrainingCompleted>("training_completed_v1");
        events.MapEventType<DisciplinaryActionRecorded>("disciplinary_action_recorded_v1");
        events.MapEventType<EmployeeTerminated>("employee_terminated_v1");
        events.MapEventType<EmployeeRehired>("employee_rehired_v1");

        options.Projections.Add(new DepartmentProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Department>().MultiTenanted();
        options.Projections.Add(new EmployeeProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Employee>().MultiTenanted().Duplicate(x => x.DepartmentId)
            .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.EmployeeUserName, TenancyScope.PerTenant, x => x.UserName!);
        options.Projections.Add(new PeopleDashboardLineProjection(), ProjectionLifecycle.Async);
        options.Schema.For<PeopleDashboardLine>().MultiTenanted();
        return options;
    }
}
