using BackOffice.Api.Inventory;
using BackOffice.Domain.Inventory;

namespace BackOffice.Api.Tests.Inventory;

/// <summary>The reorder lifecycle routes: request, approve, place, cancel, and receipts naming a reorder.</summary>
[Collection(ApiCollection.Name)]
public class ReorderEndpointsTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient manager = api.As("demo-manager");

    private static string Route(Guid id, Guid reorderId, string action) => $"/api/supply-items/{id}/reorders/{reorderId}/{action}";

    [Fact]
    public async Task A_manual_request_answers_the_reorder_id_and_a_second_is_409_reorder_already_open()
    {
        var id = await clerk.Stocked(50);
        var body = await clerk.PostJson($"/api/supply-items/{id}/reorders", new { quantity = 12 }).Ok<ReorderResponse>();
        var reorderId = body.ReorderId.ShouldNotBeNull();
        body.Version.ShouldBe(3);
        var item = await clerk.GetItem(id);
        item.OpenReorderId.ShouldBe(reorderId);
        item.OnOrder.ShouldBe(12);
        await (await clerk.PostJson($"/api/supply-items/{id}/reorders", new { quantity = 3 })).ShouldBeProblem(409, "reorder-already-open");
    }

    [Fact]
    public async Task A_request_needs_a_positive_quantity_the_clerk_role_and_an_existing_item()
    {
        var id = await clerk.Stocked(50);
        (await (await clerk.PostRaw($"/api/supply-items/{id}/reorders", "{}")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("quantity", out _).ShouldBeTrue();
        await (await clerk.PostJson($"/api/supply-items/{id}/reorders", new { quantity = 0 })).ShouldBeProblem(400, "validation-failed");
        await (await manager.PostJson($"/api/supply-items/{id}/reorders", new { quantity = 1 })).ShouldBeProblem(403, "forbidden");
        await (await clerk.PostJson($"/api/supply-items/{Guid.NewGuid()}/reorders", new { quantity = 1 })).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Only_a_manager_approves_and_never_the_requester()
    {
        var admin = api.As("demo-admin");
        var id = await clerk.Stocked(50);
        var reorderId = await admin.RequestReorder(id);
        await (await clerk.PostRaw(Route(id, reorderId, "approve"), "")).ShouldBeProblem(403, "forbidden");
        var problem = await (await admin.PostRaw(Route(id, reorderId, "approve"), "")).ShouldBeProblem(403, "segregation-of-duties");
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        var body = await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBe<CommandResponse>(200);
        body.Version.ShouldBe(4);
    }

    [Fact]
    public async Task Approve_accepts_no_body_at_all()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        (await manager.PostAsync(Route(id, reorderId, "approve"), null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Approve_refuses_a_body_that_is_not_a_json_object()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "not json")).ShouldBeProblem(400, "malformed-json");
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "[1]")).ShouldBeProblem(400, "malformed-json");
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "x", "text/plain")).ShouldBeProblem(415, "unsupported-media-type");
        (await clerk.GetItem(id)).Version.ShouldBe(3);
    }

    [Fact]
    public async Task Approving_twice_is_409_and_an_unknown_reorder_or_item_is_404()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBe<CommandResponse>(200);
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeProblem(409, "reorder-transition-not-allowed");
        await (await manager.PostRaw(Route(id, Guid.NewGuid(), "approve"), "{}")).ShouldBeProblem(404, "not-found");
        await (await manager.PostRaw(Route(Guid.NewGuid(), reorderId, "approve"), "{}")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Placing_needs_an_approved_reorder_and_a_supplier()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        await (await clerk.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples" })).ShouldBeProblem(409, "reorder-transition-not-allowed");
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBe<CommandResponse>(200);
        (await (await clerk.PostRaw(Route(id, reorderId, "place"), "{}")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("supplier", out _).ShouldBeTrue();
        (await (await clerk.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples", expectedOn = "2000-01-01" })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("expectedOn", out _).ShouldBeTrue();
        await (await clerk.PostRaw(Route(id, reorderId, "place"), "{\"supplier\":\"Staples\",\"expectedOn\":\"next week\"}")).ShouldBeProblem(400, "malformed-json");
        await (await manager.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples" })).ShouldBeProblem(403, "forbidden");
        var expected = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");
        (await clerk.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples", expectedOn = expected }).Ok()).Version.ShouldBe(5);
        var reorder = (await clerk.Reorders($"supplyItemId={id}")).Items[0];
        reorder.Status.ShouldBe(ReorderStatus.Placed);
        reorder.Supplier.ShouldBe("Staples");
        reorder.ApprovedBy.ShouldBe("demo-manager");
        reorder.ExpectedOn.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_an_open_reorder()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        (await (await clerk.PostRaw(Route(id, reorderId, "cancel"), "{}")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await (await manager.PostJson(Route(id, reorderId, "cancel"), new { reason = "budget" })).ShouldBeProblem(403, "forbidden");
        await (await clerk.PostJson(Route(id, Guid.NewGuid(), "cancel"), new { reason = "budget" })).ShouldBeProblem(404, "not-found");
        await clerk.PostJson(Route(id, reorderId, "cancel"), new { reason = "budget" }).Ok();
        (await clerk.GetItem(id)).OnOrder.ShouldBe(0);
        await (await clerk.PostJson(Route(id, reorderId, "cancel"), new { reason = "again" })).ShouldBeProblem(409, "reorder-transition-not-allowed");
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeProblem(409, "reorder-transition-not-allowed");
        var reorder = (await clerk.Reorders($"supplyItemId={id}&status=Cancelled")).Items[0];
        reorder.ReorderId.ShouldBe(reorderId);
    }

    [Fact]
    public async Task A_receipt_naming_an_unplaced_or_unknown_reorder_is_refused()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1, reorderId })).ShouldBeProblem(409, "reorder-transition-not-allowed");
        (await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1, reorderId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found"))
            .GetProperty("errors").TryGetProperty("reorderId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Another_tenant_cannot_approve_or_see_the_reorder()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        var acme = api.As("acme-admin");
        await (await acme.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeProblem(404, "not-found");
        var list = await acme.Reorders($"supplyItemId={id}");
        list.Total.ShouldBe(0);
        list.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_if_match_on_approve_is_412()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        var request = new HttpRequestMessage(HttpMethod.Post, Route(id, reorderId, "approve"));
        request.Headers.IfMatch.ParseAdd("\"2\"");
        await (await manager.SendAsync(request)).ShouldBeProblem(412, "version-mismatch");
    }

    [Fact]
    public async Task The_reorder_list_filters_by_status_and_refuses_an_unknown_status()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id, 7);
        var requested = await clerk.Reorders($"status=Requested&supplyItemId={id}");
        var item = requested.Items.ShouldHaveSingleItem();
        item.ReorderId.ShouldBe(reorderId);
        item.SupplyItemId.ShouldBe(id);
        item.Status.ShouldBe(ReorderStatus.Requested);
        item.Quantity.ShouldBe(7);
        item.ReceivedQuantity.ShouldBe(0);
        item.RequestedBy.ShouldBe("demo-clerk");
        item.Sku.ShouldStartWith("SKU-");
        item.ApprovedBy.ShouldBeNull();
        (await clerk.Reorders($"status=Placed&supplyItemId={id}")).Total.ShouldBe(0);
        var all = await clerk.Reorders("status=requested&pageSize=1");
        all.PageSize.ShouldBe(1);
        all.Number.ShouldBe(1);
        all.Total.ShouldBeGreaterThanOrEqualTo(1);
        all.Items.Count.ShouldBe(1);
        (await (await clerk.GetAsync("/api/reorders?status=Lost")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
        await (await api.CreateClient().GetAsync("/api/reorders")).ShouldBeProblem(401, "unauthenticated");
    }
}
