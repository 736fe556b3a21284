using BackOffice.Domain.Inventory;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BackOffice.Projections.Inventory;

/// <summary>
/// The inventory dashboard of one tenant (one document, id <see cref="Key"/>): stock levels of every item, the open
/// reorders (with when they were requested, to show how long they have waited), consumption per department per
/// month and per item, and the latest count variances. Built asynchronously from the events' own timestamps.
/// </summary>
public sealed class InventoryDashboard
{
    /// <summary>The id of the single dashboard document of a tenant.</summary>
    public const string Key = "inventory";

    /// <summary>How many count variances are kept (latest first).</summary>
    public const int MaxVariances = 100;

    /// <summary>Document id (always <see cref="Key"/>).</summary>
    public string Id { get; set; } = Key;

    /// <summary>Stock level of every registered item, by item id.</summary>
    public Dictionary<Guid, ItemLevel> Items { get; set; } = [];

    /// <summary>Reorders neither fully received nor cancelled, by reorder id.</summary>
    public Dictionary<Guid, OpenReorder> OpenReorders { get; set; } = [];

    /// <summary>Units issued per department (null: issued to an employee or to no one), month and item.</summary>
    public List<Consumption> Consumption { get; set; } = [];

    /// <summary>The latest counts that differed from the book, latest first (at most <see cref="MaxVariances"/>).</summary>
    public List<CountVariance> CountVariances { get; set; } = [];

    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>An item's stock level on the dashboard.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Name">Name.</param>
/// <param name="OnHand">Units on hand.</param>
/// <param name="ReorderPoint">Reorder point.</param>
/// <param name="Discontinued">Discontinued items are left out of the ok / low / out counts.</param>
public sealed record ItemLevel(string Sku, string Name, int OnHand, int ReorderPoint, bool Discontinued)
{
    /// <summary>The item's stock status (same rule as <see cref="SupplyItem.Status"/>).</summary>
    public StockStatus Status => OnHand == 0 ? StockStatus.Out : OnHand <= ReorderPoint ? StockStatus.Low : StockStatus.Ok;
}

/// <summary>An open reorder on the dashboard.</summary>
/// <param name="ReorderId">Reorder id.</param>
/// <param name="SupplyItemId">Item.</param>
/// <param name="Sku">Item SKU.</param>
/// <param name="Quantity">Ordered.</param>
/// <param name="ReceivedQuantity">Received so far.</param>
/// <param name="Status">Requested, Approved, Placed or PartiallyReceived.</param>
/// <param name="RequestedBy">Requester.</param>
/// <param name="RequestedAt">When it was requested (its age is measured from here).</param>
/// <param name="Supplier">Supplier once placed.</param>
/// <param name="ExpectedOn">Expected delivery day.</param>
public sealed record OpenReorder(
    Guid ReorderId, Guid SupplyItemId, string Sku, int Quantity, int ReceivedQuantity, ReorderStatus Status,
    string RequestedBy, DateTimeOffset RequestedAt, string? Supplier, DateOnly? ExpectedOn);

/// <summary>Units of one item issued to one department in one month.</summary>
/// <param name="DepartmentId">Department, or null for issues to an employee or to no one.</param>
/// <param name="Month">Month, <c>yyyy-MM</c>.</param>
/// <param name="SupplyItemId">Item.</param>
/// <param name="Sku">Item SKU.</param>
/// <param name="Quantity">Units issued.</param>
public sealed record Consumption(Guid? DepartmentId, string Month, Guid SupplyItemId, string Sku, int Quantity);

/// <summary>A count that differed from the book.</summary>
/// <param name="SupplyItemId">Item.</param>
/// <param name="Sku">Item SKU.</param>
/// <param name="CountedAt">When.</param>
/// <param name="CountedBy">Who.</param>
/// <param name="BookQuantity">What the books said.</param>
/// <param name="CountedQuantity">What was counted.</param>
/// <param name="Variance">Counted − book.</param>
/// <param name="Reason">Why.</param>
public sealed record CountVariance(
    Guid SupplyItemId, string Sku, DateTimeOffset CountedAt, string? CountedBy, int BookQuantity, int CountedQuantity, int Variance, string? Reason);

/// <summary>Builds <see cref="InventoryDashboard"/> (async, one document per tenant).</summary>
public sealed class InventoryDashboardProjection : MultiStreamProjection<InventoryDashboard, string>
{
    /// <summary>Every inventory event goes to the tenant's one dashboard.</summary>
    public InventoryDashboardProjection() => Identity<IInventoryEvent>(_ => InventoryDashboard.Key);

    /// <inheritdoc />
    public override InventoryDashboard? Evolve(InventoryDashboard? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = snapshot ?? new InventoryDashboard();
        d.UpdatedAt = EventTime.Of(e);
        switch (e.Data)
        {
            case SupplyItemRegistered r:
                d.Items[r.SupplyItemId] = new ItemLevel(r.Sku, r.Name, 0, r.ReorderPoint, false);
                break;
            case StockReceived r:
                Level(d, r.SupplyItemId, l => l with { OnHand = l.OnHand + r.Quantity });
                if (r.ReorderId is { } reorderId && d.OpenReorders.TryGetValue(reorderId, out var open))
                {
                    var received = open.ReceivedQuantity + r.Quantity;
                    if (received >= open.Quantity) d.OpenReorders.Remove(reorderId);
                    else d.OpenReorders[reorderId] = open with { ReceivedQuantity = received, Status = ReorderStatus.PartiallyReceived };
                }
                break;
            case StockIssued i:
                Level(d, i.SupplyItemId, l => l with { OnHand = l.OnHand - i.Quantity });
                Consume(d, i);
                break;
            case StockCounted c:
                Level(d, c.SupplyItemId, l => l with { OnHand = c.CountedQuantity });
                if (c.Variance != 0)
                {
                    d.CountVariances.Insert(0, new CountVariance(c.SupplyItemId, SkuOf(d, c.SupplyItemId), EventTime.Of(e), e.UserName,
                        c.BookQuantity, c.CountedQuantity, c.Variance, c.Reason));
                    if (d.CountVariances.Count > InventoryDashboard.MaxVariances) d.CountVariances.RemoveAt(d.CountVariances.Count - 1);
                }
                break;
            case ReorderThresholdsChanged t:
                Level(d, t.SupplyItemId, l => l with { ReorderPoint = t.ReorderPoint });
                break;
            case SupplyItemDiscontinued x:
                Level(d, x.SupplyItemId, l => l with { Discontinued = true });
                break;
            case ReorderRaised r:
                d.OpenReorders[r.ReorderId] = new OpenReorder(r.ReorderId, r.SupplyItemId, SkuOf(d, r.SupplyItemId), r.Quantity, 0,
                    ReorderStatus.Requested, r.RequestedBy, EventTime.Of(e), null, null);
                break;
            case ReorderApproved a:
                Reorder(d, a.ReorderId, o => o with { Status = ReorderStatus.Approved });
                break;
            case ReorderPlaced p:
                Reorder(d, p.ReorderId, o => o with { Status = ReorderStatus.Placed, Supplier = p.Supplier, ExpectedOn = p.ExpectedOn });
                break;
            case ReorderCancelled c:
                d.OpenReorders.Remove(c.ReorderId);
                break;
        }
        return d;
    }

    private static string SkuOf(InventoryDashboard d, Guid itemId) => d.Items.TryGetValue(itemId, out var l) ? l.Sku : "";

    private static void Level(InventoryDashboard d, Guid itemId, Func<ItemLevel, ItemLevel> change)
    {
        if (d.Items.TryGetValue(itemId, out var level)) d.Items[itemId] = change(level);
    }

    private static void Reorder(InventoryDashboard d, Guid reorderId, Func<OpenReorder, OpenReorder> change)
    {
        if (d.OpenReorders.TryGetValue(reorderId, out var open)) d.OpenReorders[reorderId] = change(open);
    }

    private static void Consume(InventoryDashboard d, StockIssued i)
    {
        var month = i.IssuedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var index = d.Consumption.FindIndex(c => c.DepartmentId == i.DepartmentId && c.Month == month && c.SupplyItemId == i.SupplyItemId);
        if (index >= 0) d.Consumption[index] = d.Consumption[index] with { Quantity = d.Consumption[index].Quantity + i.Quantity };
        else d.Consumption.Add(new Consumption(i.DepartmentId, month, i.SupplyItemId, SkuOf(d, i.SupplyItemId), i.Quantity));
    }
}
