using BackOffice.Api.Http;
using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using Marten;

namespace BackOffice.Api.Inventory;

/// <summary><c>GET /api/supply-items/{id}</c>: the item's current state.</summary>
public static class GetSupplyItemEndpoint
{
    /// <summary>A supply item as integrators see it (<c>status</c>: <c>ok</c>, <c>low</c> or <c>out</c>).</summary>
    public sealed record SupplyItemView(
        Guid Id, string Sku, string Name, string Unit, string Category, string Location, int OnHand, int OnOrder,
        int ReorderPoint, int ReorderQuantity, int? ParLevel, string Status, bool Discontinued, Guid? OpenReorderId, long Version)
    {
        internal static SupplyItemView From(SupplyItem item, long version) => new(
            item.Id, item.Sku, item.Name, item.Unit, item.Category, item.Location, item.OnHand, item.OnOrder,
            item.ReorderPoint, item.ReorderQuantity, item.ParLevel, StockStatuses.Name(item.Status), item.Discontinued, item.OpenReorder?.ReorderId, version);
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/supply-items/{id:guid}", async (Guid id, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var batch = session.CreateBatchQuery();
                var item = batch.Load<SupplyItem>(id);
                var state = batch.Events.FetchStreamState(id);
                await batch.Execute(http.RequestAborted).ConfigureAwait(false);
                if (await item.ConfigureAwait(false) is not { } found || await state.ConfigureAwait(false) is not { } stream)
                    return Problems.Result(Domain.Common.ErrorCodes.NotFound, $"Supply item {id} was not found.");
                http.Response.Headers.ETag = ETags.Of(stream.Version);
                return TypedResults.Ok(SupplyItemView.From(found, stream.Version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetSupplyItem")
            .WithSummary("Get a supply item")
            .Produces<SupplyItemView>()
            .ProducesReadProblems();
}
