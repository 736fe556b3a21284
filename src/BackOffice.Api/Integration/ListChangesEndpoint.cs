using System.ComponentModel.DataAnnotations;
using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Integration;

/// <summary>
/// <c>GET /api/changes?after=&amp;limit=</c> (integrator, auditor): the caller's tenant's events in sequence order, after
/// the cursor <c>after</c>; <c>next</c> is the <c>after</c> of the following page, null at the end (keep the last
/// item's sequence and poll again). Never skips an event whose transaction commits late (see <see cref="ChangeFeed"/>).
/// </summary>
public static class ListChangesEndpoint
{
    /// <summary>A page of the change feed.</summary>
    /// <param name="Items">The events, in sequence order.</param>
    /// <param name="Next">The <c>after</c> of the following page; null when this page reached the end of the feed.</param>
    public sealed record ChangePage(IReadOnlyList<ChangeItem> Items, long? Next);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/changes", async ([FromQuery] long? after, [FromQuery, Range(1, ChangeFeed.MaxLimit)] int? limit,
                IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                var size = limit ?? ChangeFeed.DefaultLimit;
                if (size is < 1 or > ChangeFeed.MaxLimit) throw DomainException.Invalid("limit", $"'limit' must be between 1 and {ChangeFeed.MaxLimit}.");
                if (after is < 0) throw DomainException.Invalid("after", "'after' must be a sequence number (the previous page's next), 0 or more.");
                await using var session = store.QuerySession(request);
                var rows = await ChangeFeed.After(session, after ?? 0).Take(size + 1).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var items = rows.Take(size).Select(ChangeItem.From).ToList();
                return TypedResults.Ok(new ChangePage(items, rows.Count > size ? items[^1].Sequence : null));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Integrator, Roles.Auditor))
            .WithName("ListChanges")
            .WithSummary("The change feed: the tenant's events in sequence order (integrator, auditor)")
            .WithDescription("after: the previous page's next (omit for the start); limit: 1–1000 (default 100). next is null at the end: "
                + "keep the last item's sequence as after and poll again. An event whose transaction commits late is never skipped: "
                + "the feed stops before a sequence number that may still be filled.")
            .Produces<ChangePage>()
            .ProducesReadProblems();
}
