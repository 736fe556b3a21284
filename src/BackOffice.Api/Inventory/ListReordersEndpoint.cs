using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using BackOffice.Projections.Inventory;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Inventory;

/// <summary><c>GET /api/reorders?status=&amp;supplyItemId=&amp;page=&amp;pageSize=</c>: reorders across items, latest first.</summary>
public static class ListReordersEndpoint
{
    /// <summary>One reorder.</summary>
    public sealed record Item(
        Guid ReorderId, Guid SupplyItemId, string Sku, int Quantity, int ReceivedQuantity, ReorderStatus Status,
        string RequestedBy, DateTimeOffset RequestedAt, string? ApprovedBy, string? Supplier, DateOnly? ExpectedOn, bool Automatic)
    {
        internal static Item From(ReorderView r) => new(r.Id, r.SupplyItemId, r.Sku, r.Quantity, r.ReceivedQuantity, r.Status,
            r.RequestedBy, r.RequestedAt, r.ApprovedBy, r.Supplier, r.ExpectedOn, r.Automatic);
    }

    private static readonly IReadOnlyDictionary<string, ReorderStatus> Statuses = QueryParameters.Names<ReorderStatus>();

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reorders", async ([FromQuery] string? status, [FromQuery] Guid? supplyItemId, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                var wanted = QueryParameters.OneOf(status, "status", Statuses);
                paging.Resolve();
                await using var session = store.QuerySession(request);
                IQueryable<ReorderView> query = session.Query<ReorderView>();
                if (wanted is { } s) query = query.Where(x => x.Status == s);
                if (supplyItemId is { } itemId) query = query.Where(x => x.SupplyItemId == itemId);
                var page = await query.OrderByDescending(x => x.RequestedAt).ThenBy(x => x.Id)
                    .ToPageAsync(paging, Item.From, http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Inventory")
            .WithName("ListReorders")
            .WithSummary("List reorders across supply items")
            .WithDescription("status: Requested, Approved, Placed, PartiallyReceived, Received or Cancelled; latest request first; page ≥ 1, pageSize 1–200 (default 50).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
