using BackOffice.Api.Identity;
using BackOffice.Domain.HelpDesk;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// <c>GET /api/support-requests?status=&amp;priority=&amp;assignee=&amp;mine=&amp;page=&amp;pageSize=</c>: the requests in
/// queue order (most urgent first, then the oldest first). <c>mine=true</c>: the caller's own requests.
/// </summary>
public static class ListSupportRequestsEndpoint
{
    /// <summary>One line of the list.</summary>
    /// <param name="Id">Request id.</param>
    /// <param name="Requester">Requester's user name.</param>
    /// <param name="Category">Category.</param>
    /// <param name="Priority">Priority.</param>
    /// <param name="Summary">One line.</param>
    /// <param name="Status">Status.</param>
    /// <param name="Assignee">Agent.</param>
    /// <param name="OpenedAt">When it was opened.</param>
    /// <param name="FirstResponseDueAt">First response due.</param>
    /// <param name="ResolutionDueAt">Resolution due (while waiting, as if the requester answered now).</param>
    /// <param name="SlaBreached">Breaches recorded.</param>
    public sealed record Item(
        Guid Id, string Requester, SupportCategory Category, SupportPriority Priority, string Summary, SupportRequestStatus Status,
        string? Assignee, DateTimeOffset OpenedAt, DateTimeOffset FirstResponseDueAt, DateTimeOffset ResolutionDueAt,
        GetSupportRequestEndpoint.SlaBreaches SlaBreached);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/support-requests", async ([FromQuery] string? status, [FromQuery] string? priority, [FromQuery] string? assignee,
                [FromQuery] bool? mine, [AsParameters] PageQuery paging, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                var wantedStatus = QueryParameters.OneOf(status, "status", QueryParameters.Names<SupportRequestStatus>());
                var wantedPriority = QueryParameters.OneOf(priority, "priority", QueryParameters.Names<SupportPriority>());
                paging.Resolve();
                await using var session = store.QuerySession(request);
                IQueryable<SupportRequest> query = session.Query<SupportRequest>();
                if (wantedStatus is { } s) query = query.Where(x => x.Status == s);
                if (wantedPriority is { } p) query = query.Where(x => x.Priority == p);
                if (!string.IsNullOrWhiteSpace(assignee))
                {
                    var who = assignee.Trim();
                    query = query.Where(x => x.Assignee == who);
                }
                if (mine == true)
                {
                    var me = request.User;
                    query = query.Where(x => x.Requester == me);
                }
                var now = time.GetUtcNow();
                var page = await query.OrderByDescending(x => x.Urgency).ThenBy(x => x.OpenedAt).ToPageAsync(paging,
                    x => new Item(x.Id, x.Requester, x.Category, x.Priority, x.Summary, x.Status, x.Assignee, x.OpenedAt, x.FirstResponseDueAt,
                        x.ResolutionDueAtAsOf(now), new GetSupportRequestEndpoint.SlaBreaches(x.FirstResponseBreached, x.ResolutionBreached)),
                    http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListSupportRequests")
            .WithSummary("List support requests in queue order")
            .WithDescription("status: Open, Assigned, WaitingOnRequester, Resolved or Closed; priority: Low, Medium, High or Critical; assignee: a user name; mine=true: the caller's own requests. Most urgent first, then oldest first.")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
