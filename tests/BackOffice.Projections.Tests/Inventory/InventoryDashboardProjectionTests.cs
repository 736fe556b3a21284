using BackOffice.Domain.Inventory;
using BackOffice.Projections.Inventory;
using JasperFx.Events;

namespace BackOffice.Projections.Tests.Inventory;

/// <summary>The dashboard's apply logic, called directly with events carrying their own timestamps.</summary>
public class InventoryDashboardProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Item = Guid.CreateVersion7();
    private static readonly Guid Reorder = Guid.CreateVersion7();
    private static readonly Guid Department = Guid.CreateVersion7();

    private static InventoryDashboardItem Fold(params (object Data, int Minutes)[] events)
    {
        var projection = new InventoryDashboardProjection();
        InventoryDashboardItem? d = null;
        foreach (var (data, minutes) in events)
        {
            var e = new Event<object>(data) { Timestamp = T0.AddMinutes(minutes), UserName = "clerk" };
            d = projection.Evolve(d, Item, e);
        }
        return d!;
    }

    [Fact]
    public void Issues_add_up_per_department_and_month_and_receipts_and_reorders_leave_the_document_alone()
    {
        var projection = new InventoryDashboardProjection();
        var d = Fold(
            (new SupplyItemRegistered(Item, "PAP", "Paper", "ream", "paper", "B1", 5, 20, null), 0),
            (new StockIssued(Item, 2, Department, null, null, new DateOnly(2026, 11, 2)), 2),
            (new StockIssued(Item, 3, Department, null, null, new DateOnly(2026, 11, 30)), 3),
            (new StockIssued(Item, 1, null, null, null, new DateOnly(2026, 12, 1)), 4));
        d.Sku.ShouldBe("PAP");
        d.Consumption.ShouldBe([new Consumption(Department, "2026-11", Item, "PAP", 5), new Consumption(null, "2026-12", Item, "PAP", 1)]);
        d.UpdatedAt.ShouldBe(T0.AddMinutes(4));

        // Events outside the three it takes are neither read by the daemon nor change the document.
        projection.Evolve(d, Item, new Event<object>(new StockReceived(Item, 6, Reorder, null)) { Timestamp = T0.AddMinutes(9) }).ShouldBeSameAs(d);
        d.UpdatedAt.ShouldBe(T0.AddMinutes(4));
        projection.IncludedEventTypes.ShouldBe([typeof(SupplyItemRegistered), typeof(StockIssued), typeof(StockCounted)], ignoreOrder: true);
    }

    [Fact]
    public void Counts_that_differ_are_kept_latest_first_and_matching_counts_are_not()
    {
        var d = Fold(
            (new SupplyItemRegistered(Item, "PAP", "Paper", "ream", "paper", "B1", 5, 20, null), 0),
            (new StockCounted(Item, 0, 0, 0, null), 1),
            (new StockCounted(Item, 3, 0, 3, "found"), 2),
            (new StockCounted(Item, 1, 3, -2, "lost"), 3));
        d.CountVariances.Select(v => v.Variance).ShouldBe([-2, 3]);
        d.CountVariances[0].CountedAt.ShouldBe(T0.AddMinutes(3));
        d.CountVariances[0].CountedBy.ShouldBe("clerk");
        d.CountVariances[0].Sku.ShouldBe("PAP");
        d.UpdatedAt.ShouldBe(T0.AddMinutes(3));
    }

    [Fact]
    public void Only_inventory_events_reach_the_dashboard()
    {
        var projection = new InventoryDashboardProjection();
        projection.Name.ShouldBe("InventoryDashboardItems");
        var included = projection.IncludedEventTypes;
        included.ShouldContain(typeof(StockIssued));
        included.ShouldNotContain(typeof(StockReceived));
        included.ShouldAllBe(t => typeof(IInventoryEvent).IsAssignableFrom(t));
    }
}
