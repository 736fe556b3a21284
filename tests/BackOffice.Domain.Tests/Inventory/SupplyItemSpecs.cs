using BackOffice.Domain.Inventory;

namespace BackOffice.Domain.Tests.Inventory;

public class SupplyItemSpecs
{
    private static readonly Guid ItemId = Spec.Id(100);
    private static readonly SupplyItemRegistered Registered = new(ItemId, "PAP-A4", "A4 paper", "ream", "paper", "B1", 5, 20, null);

    private static Given<SupplyItem> Given(params object[] events) => Spec.Given(SupplyItem.From, events);

    [Fact]
    public void Register_records_the_item()
        => Spec.When(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, " PAP-A4 ", "A4 paper", "ream", "paper", "B1", 5, 20)))
            .Then(Registered);

    [Theory]
    [InlineData("", "sku")]
    [InlineData("   ", "sku")]
    public void Register_needs_a_sku(string sku, string field)
        => Spec.When(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, sku, "n", "u", "c", "l", 1, 1)))
            .ThenRefused(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Register_refuses_a_sku_over_64_characters()
        => Spec.When(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, new string('x', 65), "n", "u", "c", "l", 1, 1)))
            .ThenRefused(ErrorCodes.ValidationFailed, "sku");

    [Fact]
    public void Register_refuses_a_par_level_below_the_reorder_point()
        => Spec.When(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, "s", "n", "u", "c", "l", 5, 1, 4)))
            .ThenRefused(ErrorCodes.ValidationFailed, "parLevel");

    [Fact]
    public void Register_refuses_a_zero_reorder_quantity()
        => Spec.When(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, "s", "n", "u", "c", "l", 5, 0)))
            .ThenRefused(ErrorCodes.ValidationFailed, "reorderQuantity");

    [Fact]
    public void Receive_adds_to_on_hand()
        => Given(Registered)
            .When(item => item.Receive(new ReceiveStock(10, UnitCost: 2.5m)))
            .Then(new StockReceived(ItemId, 10, null, new UnitCost(2.5m, null)))
            .And(item => item.OnHand.ShouldBe(10));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Receive_needs_a_positive_quantity(int quantity)
        => Given(Registered).When(item => item.Receive(new ReceiveStock(quantity))).ThenRefused(ErrorCodes.ValidationFailed, "quantity");

    [Fact]
    public void Receive_records_the_unit_costs_currency()
        => Spec.Given(SupplyItem.From, Registered)
            .When(item => item.Receive(new ReceiveStock(4, UnitCost: 3.10m, Currency: "EUR")))
            .Then(new StockReceived(ItemId, 4, null, new UnitCost(3.10m, "EUR")));

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void Receive_refuses_a_currency_that_is_not_an_iso_code(string currency)
        => Spec.Given(SupplyItem.From, Registered).When(item => item.Receive(new ReceiveStock(1, UnitCost: 1m, Currency: currency)))
            .ThenRefused(ErrorCodes.ValidationFailed, "currency");

    [Fact]
    public void Receive_refuses_a_currency_without_a_unit_cost()
        => Spec.Given(SupplyItem.From, Registered).When(item => item.Receive(new ReceiveStock(1, Currency: "EUR")))
            .ThenRefused(ErrorCodes.ValidationFailed, "currency");

    [Fact]
    public void Receive_refuses_a_cost_with_three_decimals()
        => Given(Registered).When(item => item.Receive(new ReceiveStock(1, UnitCost: 1.234m))).ThenRefused(ErrorCodes.ValidationFailed, "unitCost");

    [Fact]
    public void Receive_is_refused_on_a_discontinued_item()
        => Given(Registered, new SupplyItemDiscontinued(ItemId, "gone"))
            .When(item => item.Receive(new ReceiveStock(1)))
            .ThenRefused(ErrorCodes.SupplyItemDiscontinued);

    [Fact]
    public void Issue_takes_from_on_hand_above_the_reorder_point()
        => Given(Registered, new StockReceived(ItemId, 10, null, null))
            .When(item => item.Issue(new IssueStock(3, Purpose: "printing"), Spec.As("clerk")))
            .Then(new StockIssued(ItemId, 3, null, null, "printing", new DateOnly(2026, 11, 28)))
            .And(item => item.OnHand.ShouldBe(7));

    [Fact]
    public void Issue_more_than_on_hand_is_insufficient_stock()
        => Given(Registered, new StockReceived(ItemId, 7, null, null))
            .When(item => item.Issue(new IssueStock(100), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.InsufficientStock, "quantity");

    [Fact]
    public void Issue_to_both_a_department_and_an_employee_is_invalid()
        => Given(Registered, new StockReceived(ItemId, 7, null, null))
            .When(item => item.Issue(new IssueStock(1, Spec.Id(1), Spec.Id(2)), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "employeeId");

    [Fact]
    public void Issue_that_crosses_the_reorder_point_raises_a_reorder_in_the_same_decision()
    {
        var outcome = Given(Registered, new StockReceived(ItemId, 6, null, null))
            .When(item => item.Issue(new IssueStock(2), Spec.As("clerk")))
            .And(after =>
            {
                after.OnOrder.ShouldBe(20);
                after.OpenReorder!.Status.ShouldBe(ReorderStatus.Requested);
            });
        outcome.Events.Count.ShouldBe(2);
        outcome.Events[1].ShouldBe(new ReorderRaised(ItemId, Spec.Id(1), 20, "clerk", Spec.Now, true));
    }

    [Fact]
    public void Automatic_reorder_fills_up_to_the_par_level_when_set()
        => Given(Registered with { ParLevel = 30 }, new StockReceived(ItemId, 6, null, null))
            .When(item => item.Issue(new IssueStock(2), Spec.As("clerk")))
            .Events[1].ShouldBeOfType<ReorderRaised>().Quantity.ShouldBe(26);

    [Fact]
    public void Issue_raises_no_second_reorder_while_one_is_open()
        => Given(Registered, new StockReceived(ItemId, 6, null, null), new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, true))
            .When(item => item.Issue(new IssueStock(6), Spec.As("clerk")))
            .Events.ShouldAllBe(e => e is StockIssued);

    [Fact]
    public void Issue_of_a_discontinued_item_is_allowed_but_raises_no_reorder()
        => Given(Registered, new StockReceived(ItemId, 6, null, null), new SupplyItemDiscontinued(ItemId, "gone"))
            .When(item => item.Issue(new IssueStock(6), Spec.As("clerk")))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<StockIssued>();

    [Fact]
    public void Count_that_matches_the_book_needs_no_reason()
        => Given(Registered, new StockReceived(ItemId, 10, null, null))
            .When(item => item.Count(new CountStock(10), Spec.As("clerk")))
            .Then(new StockCounted(ItemId, 10, 10, 0, null));

    [Fact]
    public void Count_that_differs_needs_a_reason()
        => Given(Registered, new StockReceived(ItemId, 10, null, null))
            .When(item => item.Count(new CountStock(8), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.CountReasonRequired, "reason");

    [Fact]
    public void Count_records_the_variance_and_sets_the_book_quantity()
        => Given(Registered, new StockReceived(ItemId, 10, null, null))
            .When(item => item.Count(new CountStock(12, "found a box"), Spec.As("clerk")))
            .Then(new StockCounted(ItemId, 12, 10, 2, "found a box"))
            .And(item => item.OnHand.ShouldBe(12));

    [Fact]
    public void Count_that_drops_below_the_reorder_point_raises_a_reorder()
        => Given(Registered, new StockReceived(ItemId, 10, null, null))
            .When(item => item.Count(new CountStock(3, "damaged"), Spec.As("clerk")))
            .Events[^1].ShouldBeOfType<ReorderRaised>();

    [Fact]
    public void Manual_reorder_is_refused_while_one_is_open()
        => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
            .When(item => item.RequestReorder(new RequestReorder(5), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ReorderAlreadyOpen);

    [Fact]
    public void Manual_reorder_is_refused_on_a_discontinued_item()
        => Given(Registered, new SupplyItemDiscontinued(ItemId, "x"))
            .When(item => item.RequestReorder(new RequestReorder(5), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.SupplyItemDiscontinued);

    [Fact]
    public void The_requester_cannot_approve_their_own_reorder()
        => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
            .When(item => item.Approve(new ApproveReorder(Spec.Id(9)), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.SegregationOfDuties);

    [Fact]
    public void Reorder_lifecycle_requested_approved_placed_received_in_two_parts()
    {
        var reorderId = Spec.Id(9);
        Given(Registered, new ReorderRaised(ItemId, reorderId, 20, "clerk", Spec.Now, false))
            .When(item => item.Approve(new ApproveReorder(reorderId), Spec.As("manager")))
            .And(approved => approved.OpenReorder!.Status.ShouldBe(ReorderStatus.Approved))
            .When(item => item.Place(new PlaceReorder(reorderId, "Staples", new DateOnly(2026, 12, 1)), Spec.As("clerk")))
            .When(item => item.Receive(new ReceiveStock(8, reorderId)))
            .And(partial =>
            {
                partial.OpenReorder!.Status.ShouldBe(ReorderStatus.PartiallyReceived);
                partial.OnOrder.ShouldBe(12);
                partial.OnHand.ShouldBe(8);
            })
            .When(item => item.Receive(new ReceiveStock(12, reorderId)))
            .And(done =>
            {
                done.OpenReorder.ShouldBeNull();
                done.OnOrder.ShouldBe(0);
                done.OnHand.ShouldBe(20);
            });
    }

    [Fact]
    public void A_reorder_cannot_be_placed_before_approval()
        => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
            .When(item => item.Place(new PlaceReorder(Spec.Id(9), "Staples"), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void A_receipt_cannot_name_an_unplaced_reorder()
        => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
            .When(item => item.Receive(new ReceiveStock(5, Spec.Id(9))))
            .ThenRefused(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void Cancel_closes_the_open_reorder()
        => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
            .When(item => item.Cancel(new CancelReorder(Spec.Id(9), "budget")))
            .Then(new ReorderCancelled(ItemId, Spec.Id(9), "budget"))
            .And(item => item.OpenReorder.ShouldBeNull());

    [Fact]
    public void Cancel_of_an_unknown_reorder_is_not_found()
        => Given(Registered).When(item => item.Cancel(new CancelReorder(Spec.Id(9), "budget"))).ThenRefused(ErrorCodes.NotFound);

    [Fact]
    public void Changing_thresholds_above_the_position_raises_a_reorder()
        => Given(Registered, new StockReceived(ItemId, 8, null, null))
            .When(item => item.ChangeThresholds(new ChangeReorderThresholds(10, 15), Spec.As("clerk")))
            .Then(new ReorderThresholdsChanged(ItemId, 10, 15, null), new ReorderRaised(ItemId, Spec.Id(1), 15, "clerk", Spec.Now, true));

    [Fact]
    public void Discontinuing_twice_records_it_once()
        => Given(Registered, new SupplyItemDiscontinued(ItemId, "x")).When(item => item.Discontinue(new DiscontinueSupplyItem("again"))).ThenNothing();

    [Fact]
    public void Status_is_out_low_or_ok()
    {
        Given(Registered).State.Status.ShouldBe(StockStatus.Out);
        Given(Registered, new StockReceived(ItemId, 5, null, null)).State.Status.ShouldBe(StockStatus.Low);
        Given(Registered, new StockReceived(ItemId, 6, null, null)).State.Status.ShouldBe(StockStatus.Ok);
    }

    private static readonly ReorderRaised Raised = new(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false);
    private static readonly ReorderApproved Approved = new(ItemId, Spec.Id(9), "manager", Spec.Now);
    private static readonly ReorderPlaced Placed = new(ItemId, Spec.Id(9), "Staples", null);

    [Fact]
    public void Manual_reorder_is_requested_by_the_user()
        => Given(Registered).When(item => item.RequestReorder(new RequestReorder(12), Spec.As("clerk")))
            .Then(new ReorderRaised(ItemId, Spec.Id(1), 12, "clerk", Spec.Now, false));

    [Fact]
    public void Manual_reorder_needs_a_positive_quantity()
        => Given(Registered).When(item => item.RequestReorder(new RequestReorder(0), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "quantity");

    [Fact]
    public void Another_person_approves_a_requested_reorder()
        => Given(Registered, Raised).When(item => item.Approve(new ApproveReorder(Spec.Id(9)), Spec.As("manager")))
            .Then(new ReorderApproved(ItemId, Spec.Id(9), "manager", Spec.Now));

    [Fact]
    public void An_approved_reorder_cannot_be_approved_again()
        => Given(Registered, Raised, Approved).When(item => item.Approve(new ApproveReorder(Spec.Id(9)), Spec.As("boss")))
            .ThenRefused(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void Approving_an_unknown_reorder_is_not_found()
        => Given(Registered, Raised).When(item => item.Approve(new ApproveReorder(Spec.Id(8)), Spec.As("manager")))
            .ThenRefused(ErrorCodes.NotFound);

    [Fact]
    public void Approving_a_cancelled_reorder_is_a_transition_not_allowed()
        => Given(Registered, Raised, new ReorderCancelled(ItemId, Spec.Id(9), "no budget"))
            .When(item => item.Approve(new ApproveReorder(Spec.Id(9)), Spec.As("manager")))
            .ThenRefused(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void Placing_records_the_supplier_and_the_expected_day()
        => Given(Registered, Raised, Approved)
            .When(item => item.Place(new PlaceReorder(Spec.Id(9), " Staples ", new DateOnly(2026, 12, 3)), Spec.As("clerk")))
            .Then(new ReorderPlaced(ItemId, Spec.Id(9), "Staples", new DateOnly(2026, 12, 3)));

    [Fact]
    public void Placing_needs_a_supplier()
        => Given(Registered, Raised, Approved).When(item => item.Place(new PlaceReorder(Spec.Id(9), " "), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "supplier");

    [Fact]
    public void A_delivery_cannot_be_expected_in_the_past()
        => Given(Registered, Raised, Approved)
            .When(item => item.Place(new PlaceReorder(Spec.Id(9), "Staples", new DateOnly(2026, 11, 27)), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "expectedOn");

    [Fact]
    public void A_receipt_naming_an_unknown_reorder_is_not_found()
        => Given(Registered).When(item => item.Receive(new ReceiveStock(5, Spec.Id(7)))).ThenRefused(ErrorCodes.NotFound, "reorderId");

    [Fact]
    public void A_receipt_naming_a_received_reorder_is_refused()
        => Given(Registered, Raised, Approved, Placed, new StockReceived(ItemId, 20, Spec.Id(9), null))
            .When(item => item.Receive(new ReceiveStock(5, Spec.Id(9))))
            .ThenRefused(ErrorCodes.ReorderTransitionNotAllowed, "reorderId");

    [Fact]
    public void An_over_delivery_closes_the_reorder_and_goes_on_the_shelf()
    {
        var after = Given(Registered, Raised, Approved, Placed, new StockReceived(ItemId, 25, Spec.Id(9), null)).State;
        after.OpenReorder.ShouldBeNull();
        after.OnHand.ShouldBe(25);
        after.ClosedReorderIds.ShouldBe([Spec.Id(9)]);
    }

    [Fact]
    public void Cancel_of_a_partly_received_reorder_keeps_what_arrived()
        => Given(Registered, Raised, Approved, Placed, new StockReceived(ItemId, 8, Spec.Id(9), null))
            .When(item => item.Cancel(new CancelReorder(Spec.Id(9), "supplier out of stock")))
            .And(item =>
            {
                item.OnHand.ShouldBe(8);
                item.OnOrder.ShouldBe(0);
            });

    [Fact]
    public void Cancel_needs_a_reason()
        => Given(Registered, Raised).When(item => item.Cancel(new CancelReorder(Spec.Id(9), ""))).ThenRefused(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Discontinuing_cancels_the_open_reorder_in_the_same_decision()
        => Given(Registered, Raised)
            .When(item => item.Discontinue(new DiscontinueSupplyItem("replaced by recycled paper")))
            .Then(
                new ReorderCancelled(ItemId, Spec.Id(9), "Supply item discontinued: replaced by recycled paper"),
                new SupplyItemDiscontinued(ItemId, "replaced by recycled paper"))
            .And(item =>
            {
                item.OnOrder.ShouldBe(0);
                item.Discontinued.ShouldBeTrue();
            });

    [Fact]
    public void Discontinuing_needs_a_reason()
        => Given(Registered).When(item => item.Discontinue(new DiscontinueSupplyItem(" "))).ThenRefused(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Count_below_zero_is_invalid()
        => Given(Registered).When(item => item.Count(new CountStock(-1, "x"), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "countedQuantity");

    [Fact]
    public void Count_that_finds_more_raises_no_reorder()
        => Given(Registered, new StockReceived(ItemId, 2, null, null), Raised)
            .When(item => item.Count(new CountStock(4, "found"), Spec.As("clerk")))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<StockCounted>();

    [Fact]
    public void Changing_thresholds_refuses_a_par_level_below_the_reorder_point()
        => Given(Registered).When(item => item.ChangeThresholds(new ChangeReorderThresholds(10, 5, 9), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "parLevel");

    [Fact]
    public void Changing_thresholds_raises_no_reorder_while_one_is_open()
        => Given(Registered, Raised).When(item => item.ChangeThresholds(new ChangeReorderThresholds(50, 15), Spec.As("clerk")))
            .Then(new ReorderThresholdsChanged(ItemId, 50, 15, null));

    [Fact]
    public void An_automatic_reorder_counts_what_is_already_on_order()
        // onHand 25, onOrder 5 → issuing 22 leaves a position of 8: above the reorder point, no second reorder anyway.
        => Given(Registered, new StockReceived(ItemId, 10, null, null), Raised, Approved, Placed, new StockReceived(ItemId, 15, Spec.Id(9), null))
            .When(item => item.Issue(new IssueStock(22), Spec.As("clerk")))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<StockIssued>();

    [Fact]
    public void States_built_from_the_same_events_are_equal()
    {
        object[] events = [Registered, Raised, new ReorderCancelled(ItemId, Spec.Id(9), "x")];
        SupplyItem.From(events).ShouldBe(SupplyItem.From(events));
        SupplyItem.From(events)!.GetHashCode().ShouldBe(SupplyItem.From(events)!.GetHashCode());
        SupplyItem.From(events).ShouldNotBe(SupplyItem.From([Registered]));
    }
}
