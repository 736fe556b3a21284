using BackOffice.Api.Identity;
using Marten;

namespace BackOffice.Api.Audit;

/// <summary><c>GET /api/audit/events</c>: the tenant's audit trail, filtered, paged by sequence (<c>after</c>/<c>next</c>).</summary>
public static class ListAuditEventsEndpoint
{
    /// <summary>A page: <c>next</c> is the <c>after</c> of the following page, null at the end.</summary>
    public sealed record AuditPage(IReadOnlyList<AuditEventView> Items, long? Next);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/events", async (HttpContext http, IDocumentStore store, RequestContext request) =>
            {
                var (filter, errors) = AuditFilter.Parse(http.Request.Query);
                if (filter is null) return AuditFilter.Invalid(errors);
                await using var session = store.QuerySession(request);
                var rows = await filter.Apply(session).Take(filter.Limit + 1).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var items = rows.Take(filter.Limit).Select(AuditEventView.From).ToList();
                return TypedResults.Ok(new AuditPage(items, rows.Count > filter.Limit ? items[^1].Sequence : null));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Auditor))
            .WithName("ListAuditEvents")
            .WithSummary("The audit trail: who did what, when, why, under which correlation id")
            .Produces<AuditPage>()
            .WithMetadata(AuditFilter.QueryParameters)
            .ProducesReadProblems();
}
