using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.People;

/// <summary>
/// <c>GET /api/org-chart</c>: the department tree (top-level departments first, children by name) with each
/// department's manager (name joined from the personal-data store) and headcount — its own employed staff today and
/// with every sub-department. Read from the inline snapshots, so it reflects the latest command.
/// </summary>
public static class GetOrgChartEndpoint
{
    /// <summary>The org chart.</summary>
    /// <param name="Departments">The top-level departments.</param>
    /// <param name="Headcount">Employed staff of the tenant today.</param>
    public sealed record OrgChart(IReadOnlyList<Node> Departments, int Headcount);

    /// <summary>One department of the tree.</summary>
    /// <param name="Id">The department.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="ManagerId">Its manager, when named.</param>
    /// <param name="ManagerName">The manager's name (null when none, or erased).</param>
    /// <param name="Headcount">Its own employed staff today.</param>
    /// <param name="TotalHeadcount">With every sub-department.</param>
    /// <param name="Children">Its sub-departments, by name.</param>
    public sealed record Node(Guid Id, string Name, Guid? ManagerId, string? ManagerName, int Headcount, int TotalHeadcount, IReadOnlyList<Node> Children);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/org-chart", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var batch = session.CreateBatchQuery();
                var departmentsQuery = batch.Query<Department>().ToList();
                var employeesQuery = batch.Query<Employee>().ToList();
                await batch.Execute(http.RequestAborted).ConfigureAwait(false);
                var departments = await departmentsQuery.ConfigureAwait(false);
                var employees = await employeesQuery.ConfigureAwait(false);
                var today = Employee.DayOf(time.GetUtcNow());
                var staff = employees.Where(e => e.IsEmployedOn(today)).GroupBy(e => e.DepartmentId).ToDictionary(g => g.Key, g => g.Count());
                var byId = employees.ToDictionary(e => e.Id);
                var managers = departments.Select(d => d.ManagerId).OfType<Guid>().Where(byId.ContainsKey).Select(m => byId[m]).ToList();
                var names = await PersonalValues.OfAsync(session, managers.Select(m => m.SubjectId), http.RequestAborted).ConfigureAwait(false);
                string? NameOf(Guid? manager) => manager is { } m && byId.TryGetValue(m, out var e) ? names[e.SubjectId][PersonalFields.Name] : null;

                var known = departments.Select(d => d.Id).ToHashSet();
                var children = departments.Where(d => d.ParentId is { } p && known.Contains(p)).ToLookup(d => d.ParentId!.Value);
                Node Build(Department d, HashSet<Guid> path)
                {
                    path.Add(d.Id);
                    var kids = children[d.Id].Where(c => !path.Contains(c.Id)).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)
                        .Select(c => Build(c, path)).ToList();
                    var own = staff.GetValueOrDefault(d.Id);
                    return new Node(d.Id, d.Name, d.ManagerId, NameOf(d.ManagerId), own, own + kids.Sum(k => k.TotalHeadcount), kids);
                }
                var roots = departments.Where(d => d.ParentId is not { } p || !known.Contains(p)).OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Id)
                    .Select(d => Build(d, [])).ToList();
                return TypedResults.Ok(new OrgChart(roots, staff.Values.Sum()));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetOrgChart")
            .WithSummary("The department tree with managers and headcounts")
            .Produces<OrgChart>()
            .ProducesReadProblems();
}
