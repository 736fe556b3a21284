using System.Text.Json;

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
        var body = await clerk.PostJson($"/api/supply-items/{id}/reorders", new { quantity = 12 }).Ok();
        var reorderId = body.GetProperty("reorderId").GetGuid();
        body.GetProperty("version").GetInt64().ShouldBe(3);
        var item = await clerk.GetItem(id);
        item.GetProperty("openReorderId").GetGuid().ShouldBe(reorderId);
        item.GetProperty("onOrder").GetInt32().ShouldBe(12);
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
        var body = await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeJson(200);
        body.GetProperty("version").GetInt64().ShouldBe(4);
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
        (await clerk.GetItem(id)).GetProperty("version").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task Approving_twice_is_409_and_an_unknown_reorder_or_item_is_404()
    {
        var id = await clerk.Stocked(50);
        var reorderId = await clerk.RequestReorder(id);
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeJson(200);
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
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeJson(200);
        (await (await clerk.PostRaw(Route(id, reorderId, "place"), "{}")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("supplier", out _).ShouldBeTrue();
        (await (await clerk.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples", expectedOn = "2000-01-01" })).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("expectedOn", out _).ShouldBeTrue();
        await (await clerk.PostRaw(Route(id, reorderId, "place"), "{\"supplier\":\"Staples\",\"expectedOn\":\"next week\"}")).ShouldBeProblem(400, "malformed-json");
        await (await manager.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples" })).ShouldBeProblem(403, "forbidden");
        var expected = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");
        (await clerk.PostJson(Route(id, reorderId, "place"), new { supplier = "Staples", expectedOn = expected }).Ok())
            .GetProperty("version").GetInt64().ShouldBe(5);
        var reorder = (await clerk.GetAsync($"/api/reorders?supplyItemId={id}").Ok()).GetProperty("items")[0];
        reorder.GetProperty("status").GetString().ShouldBe("Placed");
        reorder.GetProperty("supplier").GetString().ShouldBe("Staples");
        reorder.GetProperty("approvedBy").GetString().ShouldBe("demo-manager");
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
        (await clerk.GetItem(id)).GetProperty("onOrder").GetInt32().ShouldBe(0);
        await (await clerk.PostJson(Route(id, reorderId, "cancel"), new { reason = "again" })).ShouldBeProblem(409, "reorder-transition-not-allowed");
        await (await manager.PostRaw(Route(id, reorderId, "approve"), "{}")).ShouldBeProblem(409, "reorder-transition-not-allowed");
        var reorder = (await clerk.GetAsync($"/api/reorders?supplyItemId={id}&status=Cancelled").Ok()).GetProperty("items")[0];
        reorder.GetProperty("reorderId").GetGuid().ShouldBe(reorderId);
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
        var list = await acme.GetAsync($"/api/reorders?supplyItemId={id}").Ok();
        list.GetProperty("total").GetInt64().ShouldBe(0);
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
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
        var requested = await clerk.GetAsync($"/api/reorders?status=Requested&supplyItemId={id}").Ok();
        var item = requested.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("reorderId").GetGuid().ShouldBe(reorderId);
        item.GetProperty("quantity").GetInt32().ShouldBe(7);
        item.GetProperty("receivedQuantity").GetInt32().ShouldBe(0);
        item.GetProperty("requestedBy").GetString().ShouldBe("demo-clerk");
        item.GetProperty("sku").GetString()!.ShouldStartWith("SKU-");
        item.GetProperty("approvedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        (await clerk.GetAsync($"/api/reorders?status=Placed&supplyItemId={id}").Ok()).GetProperty("total").GetInt64().ShouldBe(0);
        var all = await clerk.GetAsync("/api/reorders?status=requested&pageSize=1").Ok();
        all.GetProperty("pageSize").GetInt32().ShouldBe(1);
        all.GetProperty("page").GetInt32().ShouldBe(1);
        all.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        (await (await clerk.GetAsync("/api/reorders?status=Lost")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
        await (await api.CreateClient().GetAsync("/api/reorders")).ShouldBeProblem(401, "unauthenticated");
    }
}
