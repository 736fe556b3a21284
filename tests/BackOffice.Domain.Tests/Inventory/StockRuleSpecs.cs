using BackOffice.Domain.Inventory;

namespace BackOffice.Domain.Tests.Inventory;

/// <summary>The inventory rules that read models and endpoints call instead of repeating them.</summary>
public class StockRuleSpecs
{
    [Theory]
    [InlineData(0, 5, StockStatus.Out)]
    [InlineData(0, 0, StockStatus.Out)]
    [InlineData(1, 5, StockStatus.Low)]
    [InlineData(5, 5, StockStatus.Low)]
    [InlineData(6, 5, StockStatus.Ok)]
    [InlineData(1, 0, StockStatus.Ok)]
    public void Stock_status_is_out_at_zero_low_at_or_below_the_reorder_point_else_ok(int onHand, int reorderPoint, StockStatus expected)
        => StockLevel.StatusOf(onHand, reorderPoint).ShouldBe(expected);

    [Theory]
    [InlineData(StockStatus.Ok, "ok")]
    [InlineData(StockStatus.Low, "low")]
    [InlineData(StockStatus.Out, "out")]
    public void Stock_status_names_are_the_contract_s(StockStatus status, string name) => StockLevel.NameOf(status).ShouldBe(name);

    [Theory]
    [InlineData(10, 4, ReorderStatus.PartiallyReceived)]
    [InlineData(10, 9, ReorderStatus.PartiallyReceived)]
    [InlineData(10, 10, ReorderStatus.Received)]
    [InlineData(10, 12, ReorderStatus.Received)]
    public void A_receipt_closes_a_reorder_once_everything_ordered_arrived(int ordered, int received, ReorderStatus expected)
        => Reorder.StatusAfterReceipt(ordered, received).ShouldBe(expected);

    [Fact]
    public void A_reorder_after_a_partial_then_a_final_receipt()
    {
        var reorder = new Reorder(Spec.Id(1), 10, 0, ReorderStatus.Placed, "clerk", Spec.Now);
        var partly = reorder.AfterReceipt(4);
        partly.ShouldBe(reorder with { ReceivedQuantity = 4, Status = ReorderStatus.PartiallyReceived });
        partly.IsClosed.ShouldBeFalse();
        partly.Outstanding.ShouldBe(6);
        var full = partly.AfterReceipt(6);
        full.Status.ShouldBe(ReorderStatus.Received);
        full.IsClosed.ShouldBeTrue();
        full.Outstanding.ShouldBe(0);
    }
}

public class OrderingRuleSpecs
{
    [Theory]
    [InlineData(StockStatus.Ok, false, false)]
    [InlineData(StockStatus.Low, false, true)]
    [InlineData(StockStatus.Out, false, true)]
    [InlineData(StockStatus.Low, true, false)]
    [InlineData(StockStatus.Out, true, false)]
    public void An_item_needs_ordering_when_low_or_out_with_no_reorder_open(StockStatus status, bool open, bool expected)
        => StockLevel.NeedsOrdering(status, open).ShouldBe(expected);

    [Theory]
    [InlineData(10, 0, 10)]
    [InlineData(10, 4, 6)]
    [InlineData(10, 12, 0)]
    public void Outstanding_units_are_never_negative(int ordered, int received, int expected)
        => Reorder.OutstandingOf(ordered, received).ShouldBe(expected);
}
