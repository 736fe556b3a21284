namespace BackOffice.Client.Tests;

/// <summary>Inventory through the generated client: register, receive, issue, a reorder raised by the clerk and approved by a manager.</summary>
[Collection(ClientCollection.Name)]
public class InventoryThroughClientTests(ClientFixture api)
{
    private readonly InventoryClient clerk = new(api.Http("demo-clerk"));
    private readonly InventoryClient manager = new(api.Http("demo-manager"));

    internal static RegisterSupplyItemRequest NewItem(int reorderPoint = 5) => new()
    {
        Sku = "CLI-" + Generated.Tag(),
        Name = "A4 paper",
        Unit = "ream",
        Category = "paper",
        Location = "B1",
        ReorderPoint = reorderPoint,
        ReorderQuantity = 20,
    };

    [Fact]
    public async Task A_clerk_registers_receives_and_issues_and_a_manager_approves_the_reorder_the_issue_raised()
    {
        var registered = await clerk.RegisterSupplyItemAsync(NewItem(reorderPoint: 5));
        registered.StatusCode.ShouldBe(201);
        registered.Header("ETag").ShouldBe("\"1\"");
        registered.Header("Location").ShouldBe($"/api/supply-items/{registered.Result.Id}");
        var id = registered.Result.Id;

        (await clerk.ReceiveStockAsync(id, new ReceiveStockRequest { Quantity = 10, UnitCost = 4.35m, Currency = "EUR" })).Result.Version.ShouldBe(2);
        var issued = await clerk.IssueStockAsync(id, new IssueStockRequest { Quantity = 8, Purpose = "Printer room" });
        var reorderId = issued.Result.ReorderId.ShouldNotBeNull("issuing below the reorder point raises a reorder");

        var item = (await clerk.GetSupplyItemAsync(id)).Result;
        item.OnHand.ShouldBe(2);
        item.Status.ShouldBe("low");
        item.OpenReorderId.ShouldBe(reorderId);

        // The clerk who raised it cannot approve it (a manager's role); the manager, a second user, does.
        await clerk.ApproveReorderAsync(id, reorderId, new object()).ShouldFailWith(403, "forbidden");
        (await manager.ApproveReorderAsync(id, reorderId, new object())).StatusCode.ShouldBe(200);

        var reorders = (await manager.ListReordersAsync(supplyItemId: id)).Result;
        var reorder = reorders.Items.ShouldHaveSingleItem();
        reorder.ReorderId.ShouldBe(reorderId);
        reorder.Status.ShouldBe(ReorderStatus.Approved);
        reorder.ApprovedBy.ShouldBe("demo-manager");
        reorder.Automatic.ShouldBeTrue();
        reorder.Quantity.ShouldBe(20);
    }

    [Fact]
    public async Task A_reorder_requested_by_hand_is_approved_by_a_second_user()
    {
        var id = (await clerk.RegisterSupplyItemAsync(NewItem(reorderPoint: 0))).Result.Id;
        var requested = await clerk.RequestReorderAsync(id, new RequestReorderRequest { Quantity = 12 });
        var reorderId = requested.Result.ReorderId.ShouldNotBeNull();
        (await manager.ApproveReorderAsync(id, reorderId, new object())).Result.Version.ShouldBe(3);
        (await manager.ListReordersAsync(status: "Approved", supplyItemId: id)).Result.Items.ShouldHaveSingleItem().RequestedBy.ShouldBe("demo-clerk");
    }
}
