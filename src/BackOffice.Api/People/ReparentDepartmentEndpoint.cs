using BackOffice.Api.Identity;
using BackOffice.Domain.People;

namespace BackOffice.Api.People;

/// <summary>
/// <c>POST /api/departments/{id}/reparent</c> {parentId | null}: moves the department under another one, or to the top.
/// 409 <c>reporting-cycle</c> when the new parent is the department or one of its sub-departments, decided under the
/// tenant's org-change lock from current state.
/// </summary>
public static class ReparentDepartmentEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="ParentId">An existing department (else 404), or null for a top-level department.</param>
    public sealed record Request(Guid? ParentId);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/departments/{id:guid}/reparent", (Guid id, Request body, CommandExecutor executor, RequestContext request, HttpContext http) =>
                executor.Execute<Department>(id, async (session, d) =>
                {
                    await OrgChanges.LockAsync(executor, request, http.RequestAborted).ConfigureAwait(false);
                    var chain = await OrgChanges.DepartmentChainAsync(session, body.ParentId, http.RequestAborted).ConfigureAwait(false);
                    return [.. d.Reparent(new ReparentDepartment(body.ParentId), chain)];
                }, Responses.Ok))
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ReparentDepartment")
            .WithSummary("Move a department under another one (or to the top)")
            .WithDescription("hr. 409 reporting-cycle when the new parent is the department itself or one of its sub-departments.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
