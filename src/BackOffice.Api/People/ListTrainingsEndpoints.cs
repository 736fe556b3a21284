using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using Marten;

namespace BackOffice.Api.People;

/// <summary>
/// Trainings per employee and per department: <c>GET /api/employees/{id}/trainings</c> (every training with its status
/// today) and <c>GET /api/departments/{id}/trainings</c> (the department's employed staff: per status counts and the
/// trainings that need attention — due, overdue, expiring within 30 days, expired). Statuses are the domain's
/// <see cref="Training.StatusOn"/>.
/// </summary>
public static class ListTrainingsEndpoints
{
    /// <summary>One training.</summary>
    /// <param name="EmployeeId">The employee.</param>
    /// <param name="TrainingId">The assignment.</param>
    /// <param name="Course">The course.</param>
    /// <param name="DueOn">Due day.</param>
    /// <param name="CompletedOn">Completion day, when completed.</param>
    /// <param name="ValidUntil">Last valid day of a certification.</param>
    /// <param name="Status">Due, Overdue, Done, Expiring or Expired, today.</param>
    public sealed record TrainingItem(Guid EmployeeId, Guid TrainingId, string Course, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? ValidUntil, TrainingStatus Status);

    /// <summary>An employee's trainings.</summary>
    public sealed record EmployeeTrainings(Guid EmployeeId, IReadOnlyList<TrainingItem> Items);

    /// <summary>Counts per training status.</summary>
    public sealed record Compliance(int Done, int Due, int Overdue, int Expiring, int Expired)
    {
        internal static Compliance Of(IEnumerable<TrainingStatus> statuses)
        {
            var all = statuses.ToList();
            int Count(TrainingStatus s) => all.Count(x => x == s);
            return new Compliance(Count(TrainingStatus.Done), Count(TrainingStatus.Due), Count(TrainingStatus.Overdue), Count(TrainingStatus.Expiring), Count(TrainingStatus.Expired));
        }
    }

    /// <summary>A department's trainings.</summary>
    /// <param name="DepartmentId">The department.</param>
    /// <param name="Compliance">Counts per status over its employed staff.</param>
    /// <param name="Attention">Trainings due, overdue, expiring or expired, the soonest first.</param>
    public sealed record DepartmentTrainings(Guid DepartmentId, Compliance Compliance, IReadOnlyList<TrainingItem> Attention);

    internal static IEnumerable<TrainingItem> Items(Employee e, DateOnly today)
        => e.Trainings.Select(t => new TrainingItem(e.Id, t.TrainingId, t.Course, t.DueOn, t.CompletedOn, t.ValidUntil, t.StatusOn(today)));

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/employees/{id:guid}/trainings", async (Guid id, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var employee = await session.LoadAsync<Employee>(id, http.RequestAborted).ConfigureAwait(false);
                if (employee is null) return Snapshots.NotFound("Employee", id, null);
                return TypedResults.Ok(new EmployeeTrainings(id, [.. Items(employee, Employee.DayOf(time.GetUtcNow()))]));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListEmployeeTrainings")
            .WithSummary("An employee's trainings with their status today")
            .Produces<EmployeeTrainings>()
            .ProducesReadProblems();

        app.MapGet("/api/departments/{id:guid}/trainings", async (Guid id, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                if (await session.LoadAsync<Department>(id, http.RequestAborted).ConfigureAwait(false) is null) return Snapshots.NotFound("Department", id, null);
                var today = Employee.DayOf(time.GetUtcNow());
                var staff = await session.Query<Employee>().Where(e => e.DepartmentId == id).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var items = staff.Where(e => e.IsEmployedOn(today)).SelectMany(e => Items(e, today)).ToList();
                var attention = items.Where(t => t.Status != TrainingStatus.Done)
                    .OrderBy(t => t.CompletedOn is null ? t.DueOn : t.ValidUntil ?? t.DueOn).ThenBy(t => t.TrainingId).ToList();
                return TypedResults.Ok(new DepartmentTrainings(id, Compliance.Of(items.Select(t => t.Status)), attention));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListDepartmentTrainings")
            .WithSummary("A department's training compliance and the trainings that need attention")
            .Produces<DepartmentTrainings>()
            .ProducesReadProblems();
    }
}
