using BackOffice.Domain.Inventory;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;

namespace BackOffice.Projections.Inventory;

/// <summary>
/// One supply item's line of the inventory dashboard (document id: the item id): its stock level, its open reorder
/// (with when it was requested, to show how long it has waited), what it was issued for per department and month,
/// and its latest count variances. Built asynchronously from the events' own timestamps. The dashboard is the set of
/// a tenant's lines: each daemon batch rewrites only the lines of the items it touched, never the whole dashboard.
/// </summary>
public sealed class InventoryDashboardItem
{
    /// <summary>How many count variances are kept per item (latest first).</summary>
    public const int MaxVariances = 100;

    /// <summary>The supply item's id.</summary>
    public Guid Id { get; set; }

    /// <summary>SKU.</summary>
    public string Sku { get; set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Units on hand.</summary>
    public int OnHand { get; set; }

    /// <summary>Reorder point.</summary>
    public int ReorderPoint { get; set; }

    /// <summary>Discontinued items are left out of the ok / low / out counts.</summary>
    public bool Discontinued { get; set; }

    /// <summary>Reorders of this item neither fully received nor cancelled.</summary>
    public List<OpenReorder> OpenReorders { get; set; } = [];

    /// <summary>Units issued per department (null: issued to an employee or to no one) and month.</summary>
    public List<Consumption> Consumption { get; set; } = [];

    /// <summary>The latest counts that differed from the book, latest first (at most <see cref="MaxVariances"/>).</summary>
    public List<CountVariance> CountVariances { get; set; } = [];

    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The item's stock status (the domain's <see cref="StockLevel"/> rule).</summary>
    public StockStatus Status() => StockLevel.StatusOf(OnHand, ReorderPoint);
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

/// <summary>
/// Builds <see cref="InventoryDashboardItem"/> (async, one document per supply item). Its progress is tracked under
/// <see cref="ProjectionName"/>.
/// </summary>
public sealed class InventoryDashboardProjection : StreamLine<InventoryDashboardItem, IInventoryEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "InventoryDashboardItems";

    /// <summary>Takes the inventory events only.</summary>
    public InventoryDashboardProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override InventoryDashboardItem? Apply(InventoryDashboardItem? snapshot, Guid id, IEvent e)
    {
        var d = snapshot ?? new InventoryDashboardItem { Id = id };
        d.UpdatedAt = EventTime.Of(e);
        switch (e.Data)
        {
            case SupplyItemRegistered r:
                d.Sku = r.Sku;
                d.Name = r.Name;
                d.ReorderPoint = r.ReorderPoint;
                break;
            case StockReceived r:
                d.OnHand += r.Quantity;
                var open = d.OpenReorders.FindIndex(o => o.ReorderId == r.ReorderId);
                if (open >= 0)
                {
                    var received = d.OpenReorders[open].ReceivedQuantity + r.Quantity;
                    var status = Domain.Inventory.Reorder.StatusAfterReceipt(d.OpenReorders[open].Quantity, received);
                    if (status == ReorderStatus.Received) d.OpenReorders.RemoveAt(open);
                    else d.OpenReorders[open] = d.OpenReorders[open] with { ReceivedQuantity = received, Status = status };
                }
                break;
            case StockIssued i:
                d.OnHand -= i.Quantity;
                Consume(d, i);
                break;
            case StockCounted c:
                d.OnHand = c.CountedQuantity;
                if (c.Variance != 0)
                {
                    d.CountVariances.Insert(0, new CountVariance(d.Id, d.Sku, EventTime.Of(e), e.UserName,
                        c.BookQuantity, c.CountedQuantity, c.Variance, c.Reason));
                    if (d.CountVariances.Count > InventoryDashboardItem.MaxVariances) d.CountVariances.RemoveAt(d.CountVariances.Count - 1);
                }
                break;
            case ReorderThresholdsChanged t:
                d.ReorderPoint = t.ReorderPoint;
                break;
            case SupplyItemDiscontinued:
                d.Discontinued = true;
                break;
            case ReorderRaised r:
                d.OpenReorders.Add(new OpenReorder(r.ReorderId, d.Id, d.Sku, r.Quantity, 0, ReorderStatus.Requested, r.RequestedBy,
                    EventTime.Of(e), null, null));
                break;
            case ReorderApproved a:
                Reorder(d, a.ReorderId, o => o with { Status = ReorderStatus.Approved });
                break;
            case ReorderPlaced p:
                Reorder(d, p.ReorderId, o => o with { Status = ReorderStatus.Placed, Supplier = p.Supplier, ExpectedOn = p.ExpectedOn });
                break;
            case ReorderCancelled c:
                d.OpenReorders.RemoveAll(o => o.ReorderId == c.ReorderId);
                break;
        }
        return d;
    }

    private static void Reorder(InventoryDashboardItem d, Guid reorderId, Func<OpenReorder, OpenReorder> change)
    {
        var index = d.OpenReorders.FindIndex(o => o.ReorderId == reorderId);
        if (index >= 0) d.OpenReorders[index] = change(d.OpenReorders[index]);
    }

    private static void Consume(InventoryDashboardItem d, StockIssued i)
    {
        var month = i.IssuedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var index = d.Consumption.FindIndex(c => c.DepartmentId == i.DepartmentId && c.Month == month);
        if (index >= 0) d.Consumption[index] = d.Consumption[index] with { Quantity = d.Consumption[index].Quantity + i.Quantity };
        else d.Consumption.Add(new Consumption(i.DepartmentId, month, d.Id, d.Sku, i.Quantity));
    }
}
