using BackOffice.Api.Identity;

namespace BackOffice.Api.People;

/// <summary>Maps the People context's routes (the hiring part: departments and employees).</summary>
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
        group.MapHistory("/api/employees/{id:guid}/history", "Employee", Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("GetEmployeeHistory")
            .WithSummary("An employee's events, oldest first (hr, manager, auditor)");
        return app;
    }
}
