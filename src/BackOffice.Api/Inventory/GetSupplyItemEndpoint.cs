using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Inventory;

/// <summary><c>GET /api/supply-items/{id}[?asOf=instant]</c>: the item's current state, or its state at a past instant.</summary>
public static class GetSupplyItemEndpoint
{
    /// <summary>A supply item as integrators see it (<c>status</c>: <c>ok</c>, <c>low</c> or <c>out</c>).</summary>
    public sealed record SupplyItemView(
        Guid Id, string Sku, string Name, string Unit, string Category, string Location, int OnHand, int OnOrder,
        int ReorderPoint, int ReorderQuantity, int? ParLevel, string Status, bool Discontinued, Guid? OpenReorderId, long Version)
    {
        internal static SupplyItemView From(SupplyItem item, long version) => new(
            item.Id, item.Sku, item.Name, item.Unit, item.Category, item.Location, item.OnHand, item.OnOrder,
            item.ReorderPoint, item.ReorderQuantity, item.ParLevel, StockLevel.NameOf(item.Status), item.Discontinued, item.OpenReorder?.ReorderId, version);
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/supply-items/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var (found, version) = asOf is { } at ? await AsOf(session, id, at, http.RequestAborted).ConfigureAwait(false)
                    : await Current(session, id, http.RequestAborted).ConfigureAwait(false);
                if (found is null)
                    return Problem.Result(Domain.Common.ErrorCodes.NotFound,
                        asOf is null ? $"Supply item {id} was not found." : $"Supply item {id} did not exist at {asOf:O}.");
                http.Response.Headers.ETag = ETags.Of(version);
                return TypedResults.Ok(SupplyItemView.From(found, version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetSupplyItem")
            .WithSummary("Get a supply item, now or as of an instant")
            .WithDescription("With asOf (ISO 8601 instant) the state at that instant, its version being the last event's version then; 404 before the item existed.")
            .Produces<SupplyItemView>()
            .ProducesReadProblems();

    private static async Task<(SupplyItem?, long)> Current(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var item = batch.Load<SupplyItem>(id);
        var state = batch.Events.FetchStreamState(id);
        await batch.Execute(cancellation).ConfigureAwait(false);
        return await item.ConfigureAwait(false) is { } found && await state.ConfigureAwait(false) is { } stream ? (found, stream.Version) : (null, 0);
    }

    private static async Task<(SupplyItem?, long)> AsOf(IQuerySession session, Guid id, DateTimeOffset at, CancellationToken cancellation)
        => await AggregateHistory.AsOf<SupplyItem>(session, id, at, SupplyItem.Evolve, cancellation).ConfigureAwait(false) is { } found
            ? (found.State, found.Version)
            : (null, 0);
}
