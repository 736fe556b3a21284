using BackOffice.Domain.Inventory;

namespace BackOffice.Domain.Tests.Inventory;

public class SupplyItemSpecs
{
    private static readonly Guid ItemId = Spec.Id(100);
    private static readonly SupplyItemRegistered Registered = new(ItemId, "PAP-A4", "A4 paper", "ream", "paper", "B1", 5, 20, null);

    private static SupplyItem Given(params object[] events) => SupplyItem.From(events).ShouldNotBeNull();

    [Fact]
    public void Register_records_the_item()
    {
        var events = SupplyItem.Register(new RegisterSupplyItem(ItemId, " PAP-A4 ", "A4 paper", "ream", "paper", "B1", 5, 20));
        events.ShouldBe([Registered]);
    }

    [Theory]
    [InlineData("", "sku")]
    [InlineData("   ", "sku")]
    public void Register_needs_a_sku(string sku, string field)
        => ((Func<object>)(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, sku, "n", "u", "c", "l", 1, 1))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Register_refuses_a_sku_over_64_characters()
        => Spec.When(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, new string('x', 65), "n", "u", "c", "l", 1, 1)))
            .ThenRefused(ErrorCodes.ValidationFailed, "sku");

    [Fact]
    public void Register_refuses_a_par_level_below_the_reorder_point()
        => ((Func<object>)(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, "s", "n", "u", "c", "l", 5, 1, 4))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "parLevel");

    [Fact]
    public void Register_refuses_a_zero_reorder_quantity()
        => ((Func<object>)(() => SupplyItem.Register(new RegisterSupplyItem(ItemId, "s", "n", "u", "c", "l", 5, 0))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "reorderQuantity");

    [Fact]
    public void Receive_adds_to_on_hand()
        => Spec.Given(SupplyItem.From, Registered)
            .When(item => item.Receive(new ReceiveStock(10, UnitCost: 2.5m)))
            .Then(new StockReceived(ItemId, 10, null, new UnitCost(2.5m, null)))
            .And(item => item.OnHand.ShouldBe(10));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Receive_needs_a_positive_quantity(int quantity)
        => ((Func<object>)(() => Given(Registered).Receive(new ReceiveStock(quantity)))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "quantity");

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
        => ((Func<object>)(() => Given(Registered).Receive(new ReceiveStock(1, UnitCost: 1m, Currency: currency)))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "currency");

    [Fact]
    public void Receive_refuses_a_currency_without_a_unit_cost()
        => ((Func<object>)(() => Given(Registered).Receive(new ReceiveStock(1, Currency: "EUR")))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "currency");

    [Fact]
    public void Receive_refuses_a_cost_with_three_decimals()
        => ((Func<object>)(() => Given(Registered).Receive(new ReceiveStock(1, UnitCost: 1.234m)))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "unitCost");

    [Fact]
    public void Receive_is_refused_on_a_discontinued_item()
        => ((Func<object>)(() => Given(Registered, new SupplyItemDiscontinued(ItemId, "gone")).Receive(new ReceiveStock(1))))
            .ShouldBeRefusedWith(ErrorCodes.SupplyItemDiscontinued);

    [Fact]
    public void Issue_takes_from_on_hand_above_the_reorder_point()
    {
        var item = Given(Registered, new StockReceived(ItemId, 10, null, null));
        var events = item.Issue(new IssueStock(3, Purpose: "printing"), Spec.As("clerk"));
        events.ShouldBe([new StockIssued(ItemId, 3, null, null, "printing", new DateOnly(2026, 11, 28))]);
        SupplyItem.From([Registered, new StockReceived(ItemId, 10, null, null), .. events])!.OnHand.ShouldBe(7);
    }

    [Fact]
    public void Issue_more_than_on_hand_is_insufficient_stock()
        => ((Func<object>)(() => Given(Registered, new StockReceived(ItemId, 7, null, null)).Issue(new IssueStock(100), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.InsufficientStock, "quantity");

    [Fact]
    public void Issue_to_both_a_department_and_an_employee_is_invalid()
        => ((Func<object>)(() => Given(Registered, new StockReceived(ItemId, 7, null, null)).Issue(new IssueStock(1, Spec.Id(1), Spec.Id(2)), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "employeeId");

    [Fact]
    public void Issue_that_crosses_the_reorder_point_raises_a_reorder_in_the_same_decision()
    {
        var item = Given(Registered, new StockReceived(ItemId, 6, null, null));
        var events = item.Issue(new IssueStock(2), Spec.As("clerk"));
        events.Count.ShouldBe(2);
        events[1].ShouldBe(new ReorderRaised(ItemId, Spec.Id(1), 20, "clerk", Spec.Now, true));
        var after = SupplyItem.From([Registered, new StockReceived(ItemId, 6, null, null), .. events])!;
        after.OnOrder.ShouldBe(20);
        after.OpenReorder!.Status.ShouldBe(ReorderStatus.Requested);
    }

    [Fact]
    public void Automatic_reorder_fills_up_to_the_par_level_when_set()
    {
        var registered = Registered with { ParLevel = 30 };
        var events = Given(registered, new StockReceived(ItemId, 6, null, null)).Issue(new IssueStock(2), Spec.As("clerk"));
        events[1].ShouldBeOfType<ReorderRaised>().Quantity.ShouldBe(26);
    }

    [Fact]
    public void Issue_raises_no_second_reorder_while_one_is_open()
    {
        var item = Given(Registered, new StockReceived(ItemId, 6, null, null),
            new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, true));
        item.Issue(new IssueStock(6), Spec.As("clerk")).ShouldAllBe(e => e is StockIssued);
    }

    [Fact]
    public void Issue_of_a_discontinued_item_is_allowed_but_raises_no_reorder()
    {
        var item = Given(Registered, new StockReceived(ItemId, 6, null, null), new SupplyItemDiscontinued(ItemId, "gone"));
        item.Issue(new IssueStock(6), Spec.As("clerk")).ShouldHaveSingleItem().ShouldBeOfType<StockIssued>();
    }

    [Fact]
    public void Count_that_matches_the_book_needs_no_reason()
        => Given(Registered, new StockReceived(ItemId, 10, null, null)).Count(new CountStock(10), Spec.As("clerk"))
            .ShouldBe([new StockCounted(ItemId, 10, 10, 0, null)]);

    [Fact]
    public void Count_that_differs_needs_a_reason()
        => ((Func<object>)(() => Given(Registered, new StockReceived(ItemId, 10, null, null)).Count(new CountStock(8), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.CountReasonRequired, "reason");

    [Fact]
    public void Count_records_the_variance_and_sets_the_book_quantity()
    {
        var given = new object[] { Registered, new StockReceived(ItemId, 10, null, null) };
        var events = Given(given).Count(new CountStock(12, "found a box"), Spec.As("clerk"));
        events.ShouldBe([new StockCounted(ItemId, 12, 10, 2, "found a box")]);
        SupplyItem.From([.. given, .. events])!.OnHand.ShouldBe(12);
    }

    [Fact]
    public void Count_that_drops_below_the_reorder_point_raises_a_reorder()
    {
        var events = Given(Registered, new StockReceived(ItemId, 10, null, null)).Count(new CountStock(3, "damaged"), Spec.As("clerk"));
        events[^1].ShouldBeOfType<ReorderRaised>();
    }

    [Fact]
    public void Manual_reorder_is_refused_while_one_is_open()
        => ((Func<object>)(() => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
                .RequestReorder(new RequestReorder(5), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ReorderAlreadyOpen);

    [Fact]
    public void Manual_reorder_is_refused_on_a_discontinued_item()
        => ((Func<object>)(() => Given(Registered, new SupplyItemDiscontinued(ItemId, "x")).RequestReorder(new RequestReorder(5), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.SupplyItemDiscontinued);

    [Fact]
    public void The_requester_cannot_approve_their_own_reorder()
        => ((Func<object>)(() => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
                .Approve(new ApproveReorder(Spec.Id(9)), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.SegregationOfDuties);

    [Fact]
    public void Reorder_lifecycle_requested_approved_placed_received_in_two_parts()
    {
        var reorderId = Spec.Id(9);
        var history = new List<object> { Registered, new ReorderRaised(ItemId, reorderId, 20, "clerk", Spec.Now, false) };
        void Act(Func<SupplyItem, IReadOnlyList<IInventoryEvent>> decide) => history.AddRange(decide(SupplyItem.From(history)!));

        Act(i => i.Approve(new ApproveReorder(reorderId), Spec.As("manager")));
        SupplyItem.From(history)!.OpenReorder!.Status.ShouldBe(ReorderStatus.Approved);
        Act(i => i.Place(new PlaceReorder(reorderId, "Staples", new DateOnly(2026, 12, 1)), Spec.As("clerk")));
        Act(i => i.Receive(new ReceiveStock(8, reorderId)));
        var partial = SupplyItem.From(history)!;
        partial.OpenReorder!.Status.ShouldBe(ReorderStatus.PartiallyReceived);
        partial.OnOrder.ShouldBe(12);
        partial.OnHand.ShouldBe(8);
        Act(i => i.Receive(new ReceiveStock(12, reorderId)));
        var done = SupplyItem.From(history)!;
        done.OpenReorder.ShouldBeNull();
        done.OnOrder.ShouldBe(0);
        done.OnHand.ShouldBe(20);
    }

    [Fact]
    public void A_reorder_cannot_be_placed_before_approval()
        => ((Func<object>)(() => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
                .Place(new PlaceReorder(Spec.Id(9), "Staples"), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void A_receipt_cannot_name_an_unplaced_reorder()
        => ((Func<object>)(() => Given(Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false))
                .Receive(new ReceiveStock(5, Spec.Id(9)))))
            .ShouldBeRefusedWith(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void Cancel_closes_the_open_reorder()
    {
        var given = new object[] { Registered, new ReorderRaised(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false) };
        var events = Given(given).Cancel(new CancelReorder(Spec.Id(9), "budget"));
        events.ShouldBe([new ReorderCancelled(ItemId, Spec.Id(9), "budget")]);
        SupplyItem.From([.. given, .. events])!.OpenReorder.ShouldBeNull();
    }

    [Fact]
    public void Cancel_of_an_unknown_reorder_is_not_found()
        => ((Func<object>)(() => Given(Registered).Cancel(new CancelReorder(Spec.Id(9), "budget"))))
            .ShouldBeRefusedWith(ErrorCodes.NotFound);

    [Fact]
    public void Changing_thresholds_above_the_position_raises_a_reorder()
    {
        var events = Given(Registered, new StockReceived(ItemId, 8, null, null)).ChangeThresholds(new ChangeReorderThresholds(10, 15), Spec.As("clerk"));
        events.ShouldBe([new ReorderThresholdsChanged(ItemId, 10, 15, null), new ReorderRaised(ItemId, Spec.Id(1), 15, "clerk", Spec.Now, true)]);
    }

    [Fact]
    public void Discontinuing_twice_records_it_once()
        => Given(Registered, new SupplyItemDiscontinued(ItemId, "x")).Discontinue(new DiscontinueSupplyItem("again")).ShouldBeEmpty();

    [Fact]
    public void Status_is_out_low_or_ok()
    {
        Given(Registered).Status.ShouldBe(StockStatus.Out);
        Given(Registered, new StockReceived(ItemId, 5, null, null)).Status.ShouldBe(StockStatus.Low);
        Given(Registered, new StockReceived(ItemId, 6, null, null)).Status.ShouldBe(StockStatus.Ok);
    }

    private static readonly ReorderRaised Raised = new(ItemId, Spec.Id(9), 20, "clerk", Spec.Now, false);
    private static readonly ReorderApproved Approved = new(ItemId, Spec.Id(9), "manager", Spec.Now);
    private static readonly ReorderPlaced Placed = new(ItemId, Spec.Id(9), "Staples", null);

    [Fact]
    public void Manual_reorder_is_requested_by_the_user()
        => Given(Registered).RequestReorder(new RequestReorder(12), Spec.As("clerk"))
            .ShouldBe([new ReorderRaised(ItemId, Spec.Id(1), 12, "clerk", Spec.Now, false)]);

    [Fact]
    public void Manual_reorder_needs_a_positive_quantity()
        => ((Func<object>)(() => Given(Registered).RequestReorder(new RequestReorder(0), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "quantity");

    [Fact]
    public void Another_person_approves_a_requested_reorder()
        => Given(Registered, Raised).Approve(new ApproveReorder(Spec.Id(9)), Spec.As("manager"))
            .ShouldBe([new ReorderApproved(ItemId, Spec.Id(9), "manager", Spec.Now)]);

    [Fact]
    public void An_approved_reorder_cannot_be_approved_again()
        => ((Func<object>)(() => Given(Registered, Raised, Approved).Approve(new ApproveReorder(Spec.Id(9)), Spec.As("boss"))))
            .ShouldBeRefusedWith(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void Approving_an_unknown_reorder_is_not_found()
        => ((Func<object>)(() => Given(Registered, Raised).Approve(new ApproveReorder(Spec.Id(8)), Spec.As("manager"))))
            .ShouldBeRefusedWith(ErrorCodes.NotFound);

    [Fact]
    public void Approving_a_cancelled_reorder_is_a_transition_not_allowed()
        => ((Func<object>)(() => Given(Registered, Raised, new ReorderCancelled(ItemId, Spec.Id(9), "no budget"))
                .Approve(new ApproveReorder(Spec.Id(9)), Spec.As("manager"))))
            .ShouldBeRefusedWith(ErrorCodes.ReorderTransitionNotAllowed);

    [Fact]
    public void Placing_records_the_supplier_and_the_expected_day()
        => Given(Registered, Raised, Approved).Place(new PlaceReorder(Spec.Id(9), " Staples ", new DateOnly(2026, 12, 3)), Spec.As("clerk"))
            .ShouldBe([new ReorderPlaced(ItemId, Spec.Id(9), "Staples", new DateOnly(2026, 12, 3))]);

    [Fact]
    public void Placing_needs_a_supplier()
        => ((Func<object>)(() => Given(Registered, Raised, Approved).Place(new PlaceReorder(Spec.Id(9), " "), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "supplier");

    [Fact]
    public void A_delivery_cannot_be_expected_in_the_past()
        => ((Func<object>)(() => Given(Registered, Raised, Approved).Place(new PlaceReorder(Spec.Id(9), "Staples", new DateOnly(2026, 11, 27)), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "expectedOn");

    [Fact]
    public void A_receipt_naming_an_unknown_reorder_is_not_found()
        => ((Func<object>)(() => Given(Registered).Receive(new ReceiveStock(5, Spec.Id(7)))))
            .ShouldBeRefusedWith(ErrorCodes.NotFound, "reorderId");

    [Fact]
    public void A_receipt_naming_a_received_reorder_is_refused()
        => ((Func<object>)(() => Given(Registered, Raised, Approved, Placed, new StockReceived(ItemId, 20, Spec.Id(9), null))
                .Receive(new ReceiveStock(5, Spec.Id(9)))))
            .ShouldBeRefusedWith(ErrorCodes.ReorderTransitionNotAllowed, "reorderId");

    [Fact]
    public void An_over_delivery_closes_the_reorder_and_goes_on_the_shelf()
    {
        var after = SupplyItem.From([Registered, Raised, Approved, Placed, new StockReceived(ItemId, 25, Spec.Id(9), null)])!;
        after.OpenReorder.ShouldBeNull();
        after.OnHand.ShouldBe(25);
        after.ClosedReorderIds.ShouldBe([Spec.Id(9)]);
    }

    [Fact]
    public void Cancel_of_a_partly_received_reorder_keeps_what_arrived()
    {
        var given = new object[] { Registered, Raised, Approved, Placed, new StockReceived(ItemId, 8, Spec.Id(9), null) };
        var events = Given(given).Cancel(new CancelReorder(Spec.Id(9), "supplier out of stock"));
        var after = SupplyItem.From([.. given, .. events])!;
        after.OnHand.ShouldBe(8);
        after.OnOrder.ShouldBe(0);
    }

    [Fact]
    public void Cancel_needs_a_reason()
        => ((Func<object>)(() => Given(Registered, Raised).Cancel(new CancelReorder(Spec.Id(9), ""))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Discontinuing_cancels_the_open_reorder_in_the_same_decision()
    {
        var events = Given(Registered, Raised).Discontinue(new DiscontinueSupplyItem("replaced by recycled paper"));
        events.ShouldBe([
            new ReorderCancelled(ItemId, Spec.Id(9), "Supply item discontinued: replaced by recycled paper"),
            new SupplyItemDiscontinued(ItemId, "replaced by recycled paper"),
        ]);
        var after = SupplyItem.From([Registered, Raised, .. events])!;
        after.OnOrder.ShouldBe(0);
        after.Discontinued.ShouldBeTrue();
    }

    [Fact]
    public void Discontinuing_needs_a_reason()
        => ((Func<object>)(() => Given(Registered).Discontinue(new DiscontinueSupplyItem(" "))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Count_below_zero_is_invalid()
        => ((Func<object>)(() => Given(Registered).Count(new CountStock(-1, "x"), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "countedQuantity");

    [Fact]
    public void Count_that_finds_more_raises_no_reorder()
        => Given(Registered, new StockReceived(ItemId, 2, null, null), Raised).Count(new CountStock(4, "found"), Spec.As("clerk"))
            .ShouldHaveSingleItem().ShouldBeOfType<StockCounted>();

    [Fact]
    public void Changing_thresholds_refuses_a_par_level_below_the_reorder_point()
        => ((Func<object>)(() => Given(Registered).ChangeThresholds(new ChangeReorderThresholds(10, 5, 9), Spec.As("clerk"))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "parLevel");

    [Fact]
    public void Changing_thresholds_raises_no_reorder_while_one_is_open()
        => Given(Registered, Raised).ChangeThresholds(new ChangeReorderThresholds(50, 15), Spec.As("clerk"))
            .ShouldBe([new ReorderThresholdsChanged(ItemId, 50, 15, null)]);

    [Fact]
    public void An_automatic_reorder_counts_what_is_already_on_order()
    {
        var item = Given(Registered, new StockReceived(ItemId, 10, null, null), Raised, Approved, Placed,
            new StockReceived(ItemId, 15, Spec.Id(9), null));
        // onHand 25, onOrder 5 → issuing 22 leaves a position of 8: above the reorder point, no second reorder anyway.
        item.Issue(new IssueStock(22), Spec.As("clerk")).ShouldHaveSingleItem().ShouldBeOfType<StockIssued>();
    }

    [Fact]
    public void States_built_from_the_same_events_are_equal()
    {
        object[] events = [Registered, Raised, new ReorderCancelled(ItemId, Spec.Id(9), "x")];
        SupplyItem.From(events).ShouldBe(SupplyItem.From(events));
        SupplyItem.From(events)!.GetHashCode().ShouldBe(SupplyItem.From(events)!.GetHashCode());
        SupplyItem.From(events).ShouldNotBe(SupplyItem.From([Registered]));
    }
}
