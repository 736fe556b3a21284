using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.People;

/// <summary>
/// <c>GET /api/employees/{id}[?asOf=instant]</c>: the employee (inline snapshot) with name and e-mail joined from the
/// personal-data store at read time (null with <c>personalDataErased: true</c> after erasure).
/// </summary>
public static class GetEmployeeEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/employees/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Employee>(session, id, asOf, Employee.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Employee", id, asOf);
                var held = await PersonalValues.OfAsync(session, found.State.SubjectId, http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(EmployeeView.Of(found.State, held, Employee.DayOf(asOf ?? time.GetUtcNow()), found.Version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetEmployee")
            .WithSummary("Get an employee, now or as of an instant")
            .Produces<EmployeeView>()
            .ProducesReadProblems();
}
