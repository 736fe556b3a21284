using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using Marten;

namespace BackOffice.Api.People;

/// <summary><c>POST /api/departments/{id}/manager</c> {managerId | null}: names, replaces or removes the department's manager.</summary>
public static class ChangeDepartmentManagerEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="ManagerId">An existing employee (else 404), or null for none.</param>
    public sealed record Request(Guid? ManagerId);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/departments/{id:guid}/manager", (Guid id, Request body, CommandExecutor executor, HttpContext http) =>
                executor.Execute<Department>(id, async (session, d) =>
                {
                    if (body.ManagerId is { } manager && manager != Guid.Empty
                        && await session.LoadAsync<Employee>(manager, http.RequestAborted).ConfigureAwait(false) is null)
                        throw DomainException.NotFound($"Employee {manager}");
                    return [.. d.ChangeManager(new ChangeDepartmentManager(body.ManagerId))];
                }, Responses.Ok))
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("ChangeDepartmentManager")
            .WithSummary("Change a department's manager")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
}
