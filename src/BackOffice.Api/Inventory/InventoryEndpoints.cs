namespace BackOffice.Api.Inventory;

/// <summary>Maps the Inventory context's routes.</summary>
public static class InventoryEndpoints
{
    /// <summary>Maps every inventory route.</summary>
    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Inventory");
        RegisterSupplyItemEndpoint.Map(group);
        ReceiveStockEndpoint.Map(group);
        IssueStockEndpoint.Map(group);
        GetSupplyItemEndpoint.Map(group);
        return app;
    }
}
