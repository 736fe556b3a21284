using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.People;

/// <summary><c>GET /api/employees?departmentId=&amp;status=&amp;page=&amp;pageSize=</c>: employees, the earliest hired first.</summary>
public static class ListEmployeesEndpoint
{
    /// <summary>One line of the list (name joined from the personal-data store; null once erased).</summary>
    public sealed record Item(Guid Id, Guid SubjectId, string? Name, string Position, Guid DepartmentId, Guid? ManagerId, EmployeeStatus Status,
        DateOnly StartDate, EmploymentType EmploymentType, DateOnly? ContractEndsOn, string? UserName, Guid? CandidateId, bool PersonalDataErased);

    private static readonly IReadOnlyDictionary<string, EmployeeStatus> Statuses = QueryParameters.Names<EmployeeStatus>();

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/employees", async ([FromQuery] Guid? departmentId, [FromQuery] string? status, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                var wanted = QueryParameters.OneOf(status, "status", Statuses);
                var (number, size) = paging.Resolve();
                var today = Employee.DayOf(time.GetUtcNow());
                await using var session = store.QuerySession(request);
                IQueryable<Employee> query = session.Query<Employee>();
                if (departmentId is { } department) query = query.Where(e => e.DepartmentId == department);
                Page<Employee> page;
                if (wanted is { } listed)
                {
                    // The status depends on the day (a termination or suspension takes effect on its date): the domain's
                    // StatusOn decides it, over the department's (or tenant's) employees.
                    var all = (await query.OrderBy(e => e.Id).ToListAsync(http.RequestAborted).ConfigureAwait(false)).Where(e => e.StatusOn(today) == listed).ToList();
                    page = new Page<Employee>([.. all.Skip((number - 1) * size).Take(size)], number, size, all.Count);
                }
                else page = await query.OrderBy(e => e.Id).ToPageAsync(paging, e => e, http.RequestAborted).ConfigureAwait(false);
                var held = await PersonalValues.OfAsync(session, page.Items.Select(e => e.SubjectId), http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(new Page<Item>(
                    [.. page.Items.Select(e => new Item(e.Id, e.SubjectId, held[e.SubjectId][PersonalFields.Name], e.Position, e.DepartmentId, e.ManagerId,
                        e.StatusOn(today), e.StartDate, e.EmploymentType, e.ContractEndsOn, e.UserName, e.CandidateId, held[e.SubjectId].Erased))],
                    page.Number, page.PageSize, page.Total));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListEmployees")
            .WithSummary("List employees per department and status")
            .WithDescription("status: Active, Suspended or Terminated; page ≥ 1, pageSize 1–200 (default 50).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
