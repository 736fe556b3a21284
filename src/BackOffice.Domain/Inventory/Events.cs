namespace BackOffice.Domain.Inventory;

/// <summary>Marker for the facts of the Inventory context. Every event is a versioned public contract.</summary>
public interface IInventoryEvent
{
    /// <summary>The supply item the fact belongs to (its stream id).</summary>
    Guid SupplyItemId { get; }
}

/// <summary>A supply item was added to the catalogue.</summary>
/// <param name="SupplyItemId">The new item's id.</param>
/// <param name="Sku">Stock-keeping unit, unique per tenant.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Unit of count (box, ream, each…).</param>
/// <param name="Category">Category (paper, toner…).</param>
/// <param name="Location">Where it is shelved.</param>
/// <param name="ReorderPoint">At or below this stock position a reorder is raised.</param>
/// <param name="ReorderQuantity">Quantity of an automatic reorder when no par level is set.</param>
/// <param name="ParLevel">Target level after replenishment, when set.</param>
public sealed record SupplyItemRegistered(
    Guid SupplyItemId, string Sku, string Name, string Unit, string Category, string Location,
    int ReorderPoint, int ReorderQuantity, int? ParLevel) : IInventoryEvent;

/// <summary>Stock arrived on the shelf.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="Quantity">Units received (≥ 1).</param>
/// <param name="ReorderId">The reorder the receipt fulfils, when any.</param>
/// <param name="UnitCost">Cost per unit and its currency, when known.</param>
/// <remarks>Stored as <c>stock_received_v2</c>. The first shape, <c>stock_received_v1</c>, had a bare amount
/// (<c>"unitCost": 4.25</c>); it is read as this shape with an unknown currency (an upcaster in the store).</remarks>
public sealed record StockReceived(Guid SupplyItemId, int Quantity, Guid? ReorderId, UnitCost? UnitCost) : IInventoryEvent;

/// <summary>A cost per unit.</summary>
/// <param name="Amount">The amount (≥ 0, at most 2 decimals).</param>
/// <param name="Currency">Its ISO 4217 code (<c>EUR</c>, <c>USD</c>…); null when it was not recorded (receipts stored
/// before currencies were, or entered without one): the organisation's own currency.</param>
public sealed record UnitCost(decimal Amount, string? Currency);

/// <summary>Stock left the shelf for a department or an employee.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="Quantity">Units issued (≥ 1).</param>
/// <param name="DepartmentId">Receiving department, when any.</param>
/// <param name="EmployeeId">Receiving employee, when any.</param>
/// <param name="Purpose">What the stock is for.</param>
/// <param name="IssuedOn">The day of the issue (for consumption per month).</param>
public sealed record StockIssued(
    Guid SupplyItemId, int Quantity, Guid? DepartmentId, Guid? EmployeeId, string? Purpose, DateOnly IssuedOn) : IInventoryEvent;

/// <summary>A cycle count was recorded; the book quantity becomes the counted quantity.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="CountedQuantity">What was on the shelf.</param>
/// <param name="BookQuantity">What the books said before the count.</param>
/// <param name="Variance">CountedQuantity − BookQuantity.</param>
/// <param name="Reason">Why the count differs, required when it does.</param>
public sealed record StockCounted(Guid SupplyItemId, int CountedQuantity, int BookQuantity, int Variance, string? Reason) : IInventoryEvent;

/// <summary>The reorder thresholds changed.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="ReorderPoint">New reorder point.</param>
/// <param name="ReorderQuantity">New reorder quantity.</param>
/// <param name="ParLevel">New par level, when set.</param>
public sealed record ReorderThresholdsChanged(Guid SupplyItemId, int ReorderPoint, int ReorderQuantity, int? ParLevel) : IInventoryEvent;

/// <summary>The item will no longer be received or reordered; what is left may still be issued.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="Reason">Why.</param>
public sealed record SupplyItemDiscontinued(Guid SupplyItemId, string Reason) : IInventoryEvent;

/// <summary>A reorder was requested, by hand or automatically by the issue that crossed the reorder point.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="ReorderId">The new reorder's id.</param>
/// <param name="Quantity">Units to order.</param>
/// <param name="RequestedBy">User who requested it (or whose issue raised it).</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Automatic">True when raised by the reorder rule rather than by hand.</param>
public sealed record ReorderRaised(
    Guid SupplyItemId, Guid ReorderId, int Quantity, string RequestedBy, DateTimeOffset RequestedAt, bool Automatic) : IInventoryEvent;

/// <summary>A second person approved the reorder.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="ReorderId">The reorder.</param>
/// <param name="ApprovedBy">Approving user (never the requester).</param>
/// <param name="ApprovedAt">When.</param>
public sealed record ReorderApproved(Guid SupplyItemId, Guid ReorderId, string ApprovedBy, DateTimeOffset ApprovedAt) : IInventoryEvent;

/// <summary>The approved reorder was placed with a supplier.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="ReorderId">The reorder.</param>
/// <param name="Supplier">Supplier name.</param>
/// <param name="ExpectedOn">Expected delivery day, when known.</param>
public sealed record ReorderPlaced(Guid SupplyItemId, Guid ReorderId, string Supplier, DateOnly? ExpectedOn) : IInventoryEvent;

/// <summary>The reorder was cancelled before being fully received.</summary>
/// <param name="SupplyItemId">The item.</param>
/// <param name="ReorderId">The reorder.</param>
/// <param name="Reason">Why.</param>
public sealed record ReorderCancelled(Guid SupplyItemId, Guid ReorderId, string Reason) : IInventoryEvent;
