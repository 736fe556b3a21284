using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.People;

/// <summary><c>GET /api/departments/{id}[?asOf=instant]</c>: one department.</summary>
public static class GetDepartmentEndpoint
{
    /// <summary>A department.</summary>
    public sealed record DepartmentView(Guid Id, string Name, Guid? ParentId, Guid? ManagerId, long Version);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/departments/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Department>(session, id, asOf, Department.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Department", id, asOf);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                var d = found.State;
                return TypedResults.Ok(new DepartmentView(d.Id, d.Name, d.ParentId, d.ManagerId, found.Version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetDepartment")
            .WithSummary("Get a department")
            .Produces<DepartmentView>()
            .ProducesReadProblems();
}
