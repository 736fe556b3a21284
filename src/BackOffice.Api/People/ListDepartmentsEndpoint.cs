using BackOffice.Api.Identity;
using BackOffice.Domain.People;
using Marten;

namespace BackOffice.Api.People;

/// <summary><c>GET /api/departments?page=&amp;pageSize=</c>: departments by name.</summary>
public static class ListDepartmentsEndpoint
{
    /// <summary>One department.</summary>
    public sealed record Item(Guid Id, string Name, Guid? ParentId, Guid? ManagerId);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/departments", async ([AsParameters] PageQuery paging, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                paging.Resolve();
                await using var session = store.QuerySession(request);
                var page = await session.Query<Department>().OrderBy(d => d.Name).ThenBy(d => d.Id)
                    .ToPageAsync(paging, d => new Item(d.Id, d.Name, d.ParentId, d.ManagerId), http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListDepartments")
            .WithSummary("List departments")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
