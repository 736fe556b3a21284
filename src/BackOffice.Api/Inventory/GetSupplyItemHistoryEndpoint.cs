using BackOffice.Api.Identity;

namespace BackOffice.Api.Inventory;

/// <summary><c>GET /api/supply-items/{id}/history</c>: every event of the item with who, when, why, oldest first.</summary>
public static class GetSupplyItemHistoryEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapHistory("/api/supply-items/{id:guid}/history", "Supply item", Roles.AnyUser)
            .WithName("GetSupplyItemHistory")
            .WithSummary("History of a supply item");
}
