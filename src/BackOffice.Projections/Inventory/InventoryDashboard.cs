using BackOffice.Domain.Inventory;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.Inventory;

/// <summary>
/// One supply item's activity on the inventory dashboard (document id: the item id): what it was issued for per
/// department and month, and its latest count variances. Built asynchronously from the events' own timestamps, from
/// the only events that change it (registration, issue, count): a receipt or a reorder step costs it nothing.
/// The dashboard's stock levels and open reorders are not kept here: they are read from the inline supply-item
/// snapshot and reorder view, current in the same transaction as the command (ADR 27).
/// </summary>
public sealed class InventoryDashboardItem
{
    /// <summary>How many count variances are kept per item (latest first).</summary>
    public const int MaxVariances = 100;

    /// <summary>The supply item's id.</summary>
    public Guid Id { get; set; }

    /// <summary>SKU.</summary>
    public string Sku { get; set; } = "";

    /// <summary>Units issued per department (null: issued to an employee or to no one) and month.</summary>
    public List<Consumption> Consumption { get; set; } = [];

    /// <summary>The latest counts that differed from the book, latest first (at most <see cref="MaxVariances"/>).</summary>
    public List<CountVariance> CountVariances { get; set; } = [];

    /// <summary>Timestamp of the last registration, issue or count applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

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
/// Builds <see cref="InventoryDashboardItem"/> (async, one document per supply item) from registrations, issues and
/// counts only. Its progress is tracked under <see cref="ProjectionName"/>.
/// </summary>
public sealed class InventoryDashboardProjection : SingleStreamProjection<InventoryDashboardItem, Guid>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "InventoryDashboardItems";

    /// <summary>Takes the three inventory events that change an item's activity; the daemon reads no other.</summary>
    public InventoryDashboardProjection()
    {
        Name = ProjectionName;
        IncludeType<SupplyItemRegistered>();
        IncludeType<StockIssued>();
        IncludeType<StockCounted>();
    }

    /// <inheritdoc />
    public override InventoryDashboardItem? Evolve(InventoryDashboardItem? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = snapshot ?? new InventoryDashboardItem { Id = id };
        switch (e.Data)
        {
            case SupplyItemRegistered r:
                d.Sku = r.Sku;
                break;
            case StockIssued i:
                Consume(d, i);
                break;
            case StockCounted c when c.Variance != 0:
                d.CountVariances.Insert(0, new CountVariance(d.Id, d.Sku, EventTime.Of(e), e.UserName,
                    c.BookQuantity, c.CountedQuantity, c.Variance, c.Reason));
                if (d.CountVariances.Count > InventoryDashboardItem.MaxVariances) d.CountVariances.RemoveAt(d.CountVariances.Count - 1);
                break;
            case StockCounted:
                break;
            default:
                return snapshot;
        }
        d.UpdatedAt = EventTime.Of(e);
        return d;
    }

    private static void Consume(InventoryDashboardItem d, StockIssued i)
    {
        var month = i.IssuedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var index = d.Consumption.FindIndex(c => c.DepartmentId == i.DepartmentId && c.Month == month);
        if (index >= 0) d.Consumption[index] = d.Consumption[index] with { Quantity = d.Consumption[index].Quantity + i.Quantity };
        else d.Consumption.Add(new Consumption(i.DepartmentId, month, d.Id, d.Sku, i.Quantity));
    }
}
