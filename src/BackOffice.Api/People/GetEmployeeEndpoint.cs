using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.People;

/// <summary>
/// <c>GET /api/employees/{id}[?asOf=instant]</c>: the employee (inline snapshot) with name and e-mail joined from the
/// personal-data store at read time (null with <c>personalDataErased: true</c> after erasure).
/// </summary>
public static class GetEmployeeEndpoint
{
    /// <summary>An employee.</summary>
    public sealed record EmployeeView(
        Guid Id, Guid SubjectId, string? Name, string? Email, string Position, Guid DepartmentId, Guid? ManagerId, EmployeeStatus Status,
        DateOnly StartDate, Guid? CandidateId, bool PersonalDataErased, long Version);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/employees/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Employee>(session, id, asOf, Employee.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Employee", id, asOf);
                var held = await PersonalValues.OfAsync(session, found.State.SubjectId, http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                var e = found.State;
                return TypedResults.Ok(new EmployeeView(e.Id, e.SubjectId, held[PersonalFields.Name], held[PersonalFields.Email], e.Position, e.DepartmentId,
                    e.ManagerId, e.Status, e.StartDate, e.CandidateId, held.Erased, found.Version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetEmployee")
            .WithSummary("Get an employee, now or as of an instant")
            .Produces<EmployeeView>()
            .ProducesReadProblems();
}
