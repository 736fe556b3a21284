using BackOffice.Domain.Inventory;

namespace BackOffice.Projections.Inventory;

/// <summary>
/// The first shape of <see cref="StockReceived"/>, stored as <c>stock_received_v1</c>: the unit cost was a bare amount.
/// Only read (through the upcaster registered in <see cref="InventoryStore"/>), never written.
/// </summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="Quantity">Units received.</param>
/// <param name="ReorderId">The reorder the receipt fulfilled, when any.</param>
/// <param name="UnitCost">Cost per unit, when known, in the organisation's currency.</param>
internal sealed record StockReceivedV1(Guid SupplyItemId, int Quantity, Guid? ReorderId, decimal? UnitCost)
{
    /// <summary>v1 → v2: the amount becomes a <see cref="Domain.Inventory.UnitCost"/> whose currency was not recorded.</summary>
    internal static StockReceived Upcast(StockReceivedV1 v1) =>
        new(v1.SupplyItemId, v1.Quantity, v1.ReorderId, v1.UnitCost is { } amount ? new UnitCost(amount, null) : null);
}
