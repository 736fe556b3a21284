using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.People;

/// <summary>
/// <c>GET /api/employees/contracts-ending</c>: fixed-term and temporary contracts of employed staff that end within the
/// next 30 days (today included), the soonest first (the domain's <see cref="Employee.ContractEndsSoon"/>).
/// </summary>
public static class ListContractsEndingEndpoint
{
    /// <summary>A contract ending soon.</summary>
    /// <param name="EmployeeId">The employee.</param>
    /// <param name="Name">Their name (null once erased).</param>
    /// <param name="DepartmentId">Their department.</param>
    /// <param name="Position">Their job title.</param>
    /// <param name="EmploymentType">FixedTerm or Temporary.</param>
    /// <param name="ContractEndsOn">The contract's last day.</param>
    /// <param name="Agency">The agency of a temporary worker.</param>
    /// <param name="DaysLeft">Days from today to the last day.</param>
    public sealed record Item(Guid EmployeeId, string? Name, Guid DepartmentId, string Position, EmploymentType EmploymentType, DateOnly ContractEndsOn, string? Agency, int DaysLeft);

    /// <summary>The list.</summary>
    public sealed record Contracts(IReadOnlyList<Item> Items);

    internal static IEnumerable<Employee> EndingSoon(IEnumerable<Employee> employees, DateOnly today)
        => employees.Where(e => e.ContractEndsSoon(today)).OrderBy(e => e.ContractEndsOn).ThenBy(e => e.Id);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/employees/contracts-ending", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var today = Employee.DayOf(time.GetUtcNow());
                var candidates = await session.Query<Employee>().Where(e => e.EmploymentType != EmploymentType.Permanent).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var ending = EndingSoon(candidates, today).ToList();
                var held = await PersonalValues.OfAsync(session, ending.Select(e => e.SubjectId), http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(new Contracts([.. ending.Select(e => new Item(e.Id, held[e.SubjectId][PersonalFields.Name], e.DepartmentId, e.Position,
                    e.EmploymentType, e.ContractEndsOn!.Value, e.Agency, e.ContractEndsOn.Value.DayNumber - today.DayNumber))]));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListContractsEnding")
            .WithSummary("Contracts ending within 30 days")
            .Produces<Contracts>()
            .ProducesReadProblems();
}
