using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using BackOffice.Projections.People;
using Marten;

namespace BackOffice.Api.People;

/// <summary>
/// <c>GET /api/dashboards/people</c>: headcount by department and contract type, joiners and leavers per month over the
/// last 12 months, turnover, training compliance per department, and the contracts ending within 30 days. Built from the
/// asynchronous per-employee lines (it may lag the latest command by a moment); the day-dependent figures use the
/// domain's rules on today's date. Ids, names of departments and counts only: no personal value.
/// </summary>
public static class GetPeopleDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed.</param>
    /// <param name="UpdatedAt">Timestamp of the last event the dashboard includes (null before any).</param>
    /// <param name="Headcount">Employed staff today.</param>
    /// <param name="HeadcountByType">Employed staff per contract type.</param>
    /// <param name="Departments">Per department (with staff, trainings, or in the tree), by name.</param>
    /// <param name="Months">The last 12 calendar months, oldest first, the current one last.</param>
    /// <param name="Turnover">Leavers over the last 12 months ÷ headcount today (4 decimals; 0 with no headcount).</param>
    /// <param name="TrainingCompliance">Over all employed staff.</param>
    /// <param name="ContractsEnding">Fixed-term and temporary contracts ending within 30 days, the soonest first.</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, int Headcount, IReadOnlyDictionary<EmploymentType, int> HeadcountByType,
        IReadOnlyList<DepartmentLine> Departments, IReadOnlyList<MonthLine> Months, decimal Turnover,
        ListTrainingsEndpoints.Compliance TrainingCompliance, IReadOnlyList<ContractEnding> ContractsEnding);

    /// <summary>One department's figures.</summary>
    /// <param name="DepartmentId">The department.</param>
    /// <param name="Name">Its name (empty when unknown).</param>
    /// <param name="Headcount">Its own employed staff today.</param>
    /// <param name="HeadcountByType">Per contract type.</param>
    /// <param name="TrainingCompliance">Its staff's trainings per status.</param>
    public sealed record DepartmentLine(Guid DepartmentId, string Name, int Headcount, IReadOnlyDictionary<EmploymentType, int> HeadcountByType,
        ListTrainingsEndpoints.Compliance TrainingCompliance);

    /// <summary>Joiners and leavers of a month.</summary>
    /// <param name="Month">yyyy-MM.</param>
    /// <param name="Joiners">Employments that started in the month.</param>
    /// <param name="Leavers">Employments whose termination took effect in the month.</param>
    public sealed record MonthLine(string Month, int Joiners, int Leavers);

    /// <summary>A contract ending soon.</summary>
    public sealed record ContractEnding(Guid EmployeeId, Guid DepartmentId, EmploymentType EmploymentType, DateOnly ContractEndsOn, string? Agency);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/people", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await LoadAsync(session, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetPeopleDashboard")
            .WithSummary("People dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>The dashboard of the session's tenant at <paramref name="now"/> (the API route and the console read it here).</summary>
    internal static async Task<Dashboard> LoadAsync(IQuerySession session, DateTimeOffset now, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var lines = batch.Query<PeopleDashboardLine>().ToList();
        var departments = batch.Query<Department>().ToList();
        await batch.Execute(cancellation).ConfigureAwait(false);
        return From(await lines.ConfigureAwait(false), await departments.ConfigureAwait(false), now);
    }

    internal static Dashboard From(IReadOnlyList<PeopleDashboardLine> lines, IReadOnlyList<Department> departments, DateTimeOffset now)
    {
        var today = Employee.DayOf(now);
        var employees = lines.Select(l => l.Employee).OfType<Employee>().ToList();
        var employed = employees.Where(e => e.IsEmployedOn(today)).ToList();
        static IReadOnlyDictionary<EmploymentType, int> ByType(IEnumerable<Employee> staff)
        {
            var list = staff.ToList();
            return Enum.GetValues<EmploymentType>().ToDictionary(t => t, t => list.Count(e => e.EmploymentType == t));
        }
        static ListTrainingsEndpoints.Compliance Compliance(IEnumerable<Employee> staff, DateOnly day)
            => ListTrainingsEndpoints.Compliance.Of(staff.SelectMany(e => e.Trainings).Select(t => t.StatusOn(day)));

        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var staffOf = employed.ToLookup(e => e.DepartmentId);
        var departmentLines = names.Keys.Union(staffOf.Select(g => g.Key))
            .Select(id => new DepartmentLine(id, names.GetValueOrDefault(id, ""), staffOf[id].Count(), ByType(staffOf[id]), Compliance(staffOf[id], today)))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.DepartmentId).ToList();

        var employments = employees.SelectMany(e => e.Employments).ToList();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).Select(m => new MonthLine(
            m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            employments.Count(x => x.StartDate.Year == m.Year && x.StartDate.Month == m.Month && x.StartDate <= today),
            employments.Count(x => x.EndsOn is { } end && end <= today && end.Year == m.Year && end.Month == m.Month))).ToList();
        var leavers = employments.Count(x => x.EndsOn is { } end && end <= today && end > today.AddMonths(-12));
        var turnover = employed.Count == 0 ? 0m : Math.Round((decimal)leavers / employed.Count, 4);
        var ending = ListContractsEndingEndpoint.EndingSoon(employees, today)
            .Select(e => new ContractEnding(e.Id, e.DepartmentId, e.EmploymentType, e.ContractEndsOn!.Value, e.Agency)).ToList();
        var updatedAt = lines.Select(l => l.UpdatedAt).Max();
        return new Dashboard(now, updatedAt, employed.Count, ByType(employed), departmentLines, months, turnover, Compliance(employed, today), ending);
    }
}
