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
        CountStockEndpoint.Map(group);
        ChangeThresholdsEndpoint.Map(group);
        DiscontinueSupplyItemEndpoint.Map(group);
        RequestReorderEndpoint.Map(group);
        ApproveReorderEndpoint.Map(group);
        PlaceReorderEndpoint.Map(group);
        CancelReorderEndpoint.Map(group);
        ListSupplyItemsEndpoint.Map(group);
        GetSupplyItemEndpoint.Map(group);
        GetSupplyItemHistoryEndpoint.Map(group);
        ListReordersEndpoint.Map(group);
        GetInventoryDashboardEndpoint.Map(app);
        return app;
    }
}
