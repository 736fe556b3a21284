using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;

namespace BackOffice.Api.Inventory;

/// <summary>
/// <c>POST /api/supply-items/{id}/reorders/{reorderId}/approve</c>: a manager approves a requested reorder; never its
/// requester (403 <c>segregation-of-duties</c>). No body, or <c>{}</c>.
/// </summary>
public static class ApproveReorderEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/reorders/{reorderId:guid}/approve",
                (Guid id, Guid reorderId, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<SupplyItem>(id, item => item.Approve(new ApproveReorder(reorderId), request.Decision(time)), Responses.Ok))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Manager))
            .WithName("ApproveReorder")
            .WithSummary("Approve a reorder")
            .WithDescription("Manager role; the reorder's requester may not approve it (403 segregation-of-duties). Only a Requested reorder can be approved.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
