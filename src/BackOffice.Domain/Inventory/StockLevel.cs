namespace BackOffice.Domain.Inventory;

/// <summary>The stock-level rule, in one place for the item, its lists and the dashboards.</summary>
public static class StockLevel
{
    /// <summary><c>out</c> when nothing is on hand, <c>low</c> at or below the reorder point, else <c>ok</c>.</summary>
    /// <param name="onHand">Units on the shelf.</param>
    /// <param name="reorderPoint">The item's reorder point.</param>
    public static StockStatus StatusOf(int onHand, int reorderPoint)
        => onHand == 0 ? StockStatus.Out : onHand <= reorderPoint ? StockStatus.Low : StockStatus.Ok;

    /// <summary>An item to order: its stock is low or out and no reorder is open for it.</summary>
    /// <param name="status">Its stock status.</param>
    /// <param name="hasOpenReorder">Whether a reorder is open.</param>
    public static bool NeedsOrdering(StockStatus status, bool hasOpenReorder) => status != StockStatus.Ok && !hasOpenReorder;

    /// <summary>The contract's name of a status: <c>ok</c>, <c>low</c>, <c>out</c>.</summary>
    public static string NameOf(StockStatus status) => status switch
    {
        StockStatus.Ok => "ok",
        StockStatus.Low => "low",
        _ => "out",
    };
}
