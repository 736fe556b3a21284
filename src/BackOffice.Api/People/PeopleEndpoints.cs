using BackOffice.Api.Identity;

namespace BackOffice.Api.People;

/// <summary>Maps the People context's routes (departments, the org chart, employees, trainings, discipline, the people dashboard).</summary>
public static class PeopleEndpoints
{
    /// <summary>Maps every people route.</summary>
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("People");
        CreateDepartmentEndpoint.Map(group);
        ListDepartmentsEndpoint.Map(group);
        GetDepartmentEndpoint.Map(group);
        HireEmployeeEndpoint.Map(group);
        GetEmployeeEndpoint.Map(group);
        ListEmployeesEndpoint.Map(group);
        LinkEmployeeUserEndpoint.Map(group);
        ReparentDepartmentEndpoint.Map(group);
        ChangeDepartmentManagerEndpoint.Map(group);
        GetOrgChartEndpoint.Map(group);
        TransferEmployeeEndpoint.Map(group);
        ChangePositionEndpoint.Map(group);
        ChangeContractEndpoint.Map(group);
        ListContractsEndingEndpoint.Map(group);
        AssignTrainingEndpoint.Map(group);
        CompleteTrainingEndpoint.Map(group);
        ListTrainingsEndpoints.Map(group);
        DisciplinaryActionEndpoints.Map(group);
        TerminateEmployeeEndpoint.Map(group);
        RehireEmployeeEndpoint.Map(group);
        GetPeopleDashboardEndpoint.Map(group);
        group.MapHistory("/api/employees/{id:guid}/history", "Employee", Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("GetEmployeeHistory")
            .WithSummary("An employee's events, oldest first (hr, manager, auditor)");
        group.MapHistory("/api/departments/{id:guid}/history", "Department", Roles.AnyUser)
            .WithName("GetDepartmentHistory")
            .WithSummary("A department's events, oldest first");
        return app;
    }
}
