using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Inventory;

/// <summary><c>GET /api/supply-items?status=ok|low|out&amp;category=&amp;page=&amp;pageSize=</c>: stock levels, ordered by SKU.</summary>
public static class ListSupplyItemsEndpoint
{
    /// <summary>One line of the stock list.</summary>
    public sealed record Item(Guid Id, string Sku, string Name, string Unit, string Category, int OnHand, int OnOrder, string Status, bool Discontinued);

    private static readonly Dictionary<string, StockStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["ok"] = StockStatus.Ok,
        ["low"] = StockStatus.Low,
        ["out"] = StockStatus.Out,
    };

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/supply-items", async ([FromQuery] string? status, [FromQuery] string? category, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                var wanted = QueryParameters.OneOf(status, "status", Statuses);
                paging.Resolve();
                await using var session = store.QuerySession(request);
                IQueryable<SupplyItem> query = session.Query<SupplyItem>();
                query = wanted switch
                {
                    StockStatus.Out => query.Where(x => x.OnHand == 0),
                    StockStatus.Low => query.Where(x => x.OnHand > 0 && x.Status == StockStatus.Low),
                    StockStatus.Ok => query.Where(x => x.Status == StockStatus.Ok),
                    _ => query,
                };
                if (!string.IsNullOrWhiteSpace(category))
                {
                    var wantedCategory = category.Trim();
                    query = query.Where(x => x.Category.Equals(wantedCategory, StringComparison.OrdinalIgnoreCase));
                }
                var page = await query.OrderBy(x => x.Sku).ToPageAsync(paging,
                    x => new Item(x.Id, x.Sku, x.Name, x.Unit, x.Category, x.OnHand, x.OnOrder, StockLevel.NameOf(x.Status), x.Discontinued),
                    http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListSupplyItems")
            .WithSummary("List supply items with their stock status")
            .WithDescription("status: ok, low or out; category: exact match, case-insensitive; page ≥ 1, pageSize 1–200 (default 50).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
