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
    public void Open_reorders_keep_the_time_of_the_event_that_raised_them_and_close_when_fully_received()
    {
        var d = Fold(
            (new SupplyItemRegistered(Item, "PAP", "Paper", "ream", "paper", "B1", 5, 20, null), 0),
            (new StockReceived(Item, 6, null, null), 1),
            (new StockIssued(Item, 2, Department, null, null, new DateOnly(2026, 11, 2)), 2),
            (new ReorderRaised(Item, Reorder, 20, "clerk", T0.AddYears(-1), true), 2),
            (new ReorderApproved(Item, Reorder, "manager", T0), 3),
            (new ReorderPlaced(Item, Reorder, "Staples", null), 4),
            (new StockReceived(Item, 8, Reorder, null), 5));
        var open = d.OpenReorders.ShouldHaveSingleItem();
        open.ReorderId.ShouldBe(Reorder);
        open.RequestedAt.ShouldBe(T0.AddMinutes(2));
        open.Status.ShouldBe(ReorderStatus.PartiallyReceived);
        open.Sku.ShouldBe("PAP");
        d.OnHand.ShouldBe(12);
        d.Consumption.ShouldBe([new Consumption(Department, "2026-11", Item, "PAP", 2)]);
        d.UpdatedAt.ShouldBe(T0.AddMinutes(5));

        var done = Fold(
            (new SupplyItemRegistered(Item, "PAP", "Paper", "ream", "paper", "B1", 5, 20, null), 0),
            (new ReorderRaised(Item, Reorder, 20, "clerk", T0, false), 1),
            (new StockReceived(Item, 20, Reorder, null), 2));
        done.OpenReorders.ShouldBeEmpty();
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
        d.Status().ShouldBe(StockStatus.Low);
    }

    [Fact]
    public void Only_inventory_events_reach_the_dashboard()
    {
        var projection = new InventoryDashboardProjection();
        projection.Name.ShouldBe("InventoryDashboardItems");
        var included = projection.IncludedEventTypes;
        included.ShouldContain(typeof(StockIssued));
        included.ShouldAllBe(t => typeof(IInventoryEvent).IsAssignableFrom(t));
    }
}
