using BackOffice.Api.Identity;
using BackOffice.Domain.FrontDesk;
using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>POST /api/correspondence/{id}/acknowledge</c>: the addressee — the employee linked to the caller's user name, or
/// a member of the addressed department — or a clerk acknowledges a routed item; anyone else gets 403
/// <c>not-the-addressee</c>. No body, or <c>{}</c>.
/// </summary>
public static class AcknowledgeCorrespondenceEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/correspondence/{id:guid}/acknowledge", async (Guid id, CommandExecutor executor, IDocumentStore store, IEmployeeDirectory directory,
                RequestContext request, TimeProvider time, HttpContext http) =>
            {
                EmployeeOfUser? employee;
                await using (var session = store.QuerySession(request))
                    employee = await directory.OfUserAsync(session, request.User, http.RequestAborted).ConfigureAwait(false);
                var command = new AcknowledgeCorrespondence(employee?.EmployeeId, employee?.DepartmentId);
                return await executor.Execute<Correspondence>(id, c => c.Acknowledge(command, request.Decision(time), actingAsClerk: request.Holds(Roles.Clerk)),
                    Responses.Ok).ConfigureAwait(false);
            })
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.Staff)
            .WithName("AcknowledgeCorrespondence")
            .WithSummary("Acknowledge an item routed to you (or, as a clerk, for its addressee)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
