using BackOffice.Api.Inventory;
using BackOffice.Domain.Inventory;

namespace BackOffice.Api.Tests.Inventory;

/// <summary>Counts, thresholds and discontinuation: success and each error code.</summary>
[Collection(ApiCollection.Name)]
public class SupplyItemCommandTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");

    [Fact]
    public async Task A_count_that_matches_the_book_needs_no_reason()
    {
        var id = await clerk.Stocked(10);
        var body = await clerk.PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 10 }).Ok<ReorderResponse>();
        body.Version.ShouldBe(3);
        body.ReorderId.ShouldBeNull();
    }

    [Fact]
    public async Task A_count_that_differs_without_a_reason_is_409_count_reason_required()
    {
        var id = await clerk.Stocked(10);
        var problem = await (await clerk.PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 8 })).ShouldBeProblem(409, "count-reason-required");
        problem.GetProperty("detail").GetString()!.ShouldContain("10");
        (await clerk.GetItem(id)).OnHand.ShouldBe(10);
    }

    [Fact]
    public async Task A_count_with_a_reason_sets_on_hand_and_may_raise_a_reorder()
    {
        var id = await clerk.Stocked(10);
        var body = await clerk.PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 4, reason = "water damage" }).Ok<ReorderResponse>();
        var reorderId = body.ReorderId.ShouldNotBeNull();
        var item = await clerk.GetItem(id);
        item.OnHand.ShouldBe(4);
        item.OpenReorderId.ShouldBe(reorderId);
    }

    [Fact]
    public async Task A_count_without_a_quantity_or_below_zero_is_400_naming_it()
    {
        var id = await clerk.Stocked(1);
        (await (await clerk.PostRaw($"/api/supply-items/{id}/counts", "{}")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("countedQuantity", out _).ShouldBeTrue();
        (await (await clerk.PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = -1, reason = "x" })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("countedQuantity", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Counting_needs_the_clerk_role_and_an_existing_item()
    {
        var id = await clerk.Stocked(1);
        await (await api.As("demo-manager").PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 1 })).ShouldBeProblem(403, "forbidden");
        await (await clerk.PostJson($"/api/supply-items/{Guid.NewGuid()}/counts", new { countedQuantity = 1 })).ShouldBeProblem(404, "not-found");
        await (await api.CreateClient().PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 1 })).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task Changing_thresholds_applies_and_raises_a_reorder_when_the_position_is_now_too_low()
    {
        var id = await clerk.Stocked(8);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/supply-items/{id}/thresholds")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reorderPoint = 10, reorderQuantity = 12, parLevel = 30 }),
        };
        var body = await (await clerk.SendAsync(request)).ShouldBe<ReorderResponse>(200);
        var reorderId = body.ReorderId.ShouldNotBeNull();
        var item = await clerk.GetItem(id);
        item.ReorderPoint.ShouldBe(10);
        item.ParLevel.ShouldBe(30);
        item.OnOrder.ShouldBe(22);
        item.OpenReorderId.ShouldBe(reorderId);
    }

    [Fact]
    public async Task Thresholds_are_validated_and_need_the_clerk_role()
    {
        var id = await clerk.Stocked(8);
        async Task<HttpResponseMessage> Put(HttpClient client, Guid item, object body) => await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Put, $"/api/supply-items/{item}/thresholds") { Content = System.Net.Http.Json.JsonContent.Create(body) });
        (await (await Put(clerk, id, new { reorderPoint = 10, reorderQuantity = 5, parLevel = 9 })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("parLevel", out _).ShouldBeTrue();
        (await (await Put(clerk, id, new { reorderQuantity = 5 })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("reorderPoint", out _).ShouldBeTrue();
        await (await Put(clerk, Guid.NewGuid(), new { reorderPoint = 1, reorderQuantity = 5 })).ShouldBeProblem(404, "not-found");
        await (await Put(api.As("demo-it"), id, new { reorderPoint = 1, reorderQuantity = 5 })).ShouldBeProblem(403, "forbidden");
        await (await clerk.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/supply-items/{id}/thresholds")
        {
            Content = new StringContent("{\"reorderPoint\":", System.Text.Encoding.UTF8, "application/json"),
        })).ShouldBeProblem(400, "malformed-json");
    }

    [Fact]
    public async Task A_discontinued_item_takes_no_receipts_nor_reorders_but_can_be_issued()
    {
        var id = await clerk.Stocked(10);
        var body = await clerk.PostJson($"/api/supply-items/{id}/discontinue", new { reason = "replaced by recycled paper" }).Ok();
        body.Version.ShouldBe(3);
        (await clerk.GetItem(id)).Discontinued.ShouldBeTrue();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 })).ShouldBeProblem(409, "supply-item-discontinued");
        await (await clerk.PostJson($"/api/supply-items/{id}/reorders", new { quantity = 1 })).ShouldBeProblem(409, "supply-item-discontinued");
        (await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 10 }).Ok<IssueStockEndpoint.Response>()).ReorderId.ShouldBeNull();
        (await clerk.PostJson($"/api/supply-items/{id}/discontinue", new { reason = "again" }).Ok()).Version.ShouldBe(4);
    }

    [Fact]
    public async Task Discontinuing_cancels_the_open_reorder()
    {
        var id = await clerk.Stocked(10);
        var reorderId = await clerk.RequestReorder(id);
        await clerk.PostJson($"/api/supply-items/{id}/discontinue", new { reason = "no longer sold" }).Ok();
        (await clerk.GetItem(id)).OnOrder.ShouldBe(0);
        var reorder = (await clerk.Reorders($"supplyItemId={id}")).Items.ShouldHaveSingleItem();
        reorder.ReorderId.ShouldBe(reorderId);
        reorder.Status.ShouldBe(BackOffice.Domain.Inventory.ReorderStatus.Cancelled);
    }

    [Fact]
    public async Task Discontinuing_needs_a_reason_the_clerk_role_and_an_existing_item()
    {
        var id = await clerk.Stocked(1);
        (await (await clerk.PostRaw($"/api/supply-items/{id}/discontinue", "{}")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await (await clerk.PostJson($"/api/supply-items/{id}/discontinue", new { reason = " " })).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-auditor").PostJson($"/api/supply-items/{id}/discontinue", new { reason = "x" })).ShouldBeProblem(403, "forbidden");
        await (await clerk.PostJson($"/api/supply-items/{Guid.NewGuid()}/discontinue", new { reason = "x" })).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task A_receipt_records_its_unit_costs_currency_and_refuses_one_that_is_not_an_iso_code()
    {
        var id = await clerk.Stocked(0);
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 2, unitCost = 3.5m, currency = "EUR" }).Ok();
        await using (var session = api.Store.QuerySession("demo"))
        {
            var received = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<StockReceived>().Single();
            received.UnitCost.ShouldBe(new UnitCost(3.5m, "EUR"));
        }
        (await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1, unitCost = 1m, currency = "eur" })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("currency", out _).ShouldBeTrue();
        (await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1, currency = "EUR" })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("currency", out _).ShouldBeTrue();
    }
}
