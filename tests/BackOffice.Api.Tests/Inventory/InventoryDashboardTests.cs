using System.Text.Json;
using BackOffice.Api.Tests.Recruiting;
using Marten;
using Marten.Events;

namespace BackOffice.Api.Tests.Inventory;

/// <summary>The async inventory dashboard, and the issue's "done when" scenario end to end.</summary>
[Collection(ApiCollection.Name)]
public class InventoryDashboardTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient manager = api.As("demo-manager");

    private async Task<JsonElement> Dashboard(HttpClient? client = null)
    {
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return await (client ?? clerk).GetAsync("/api/dashboards/inventory").Ok();
    }

    private static JsonElement? OpenReorder(JsonElement dashboard, Guid reorderId)
        => dashboard.GetProperty("openReorders").EnumerateArray()
            .Select(r => (JsonElement?)r).FirstOrDefault(r => r!.Value.GetProperty("reorderId").GetGuid() == reorderId);

    [Fact]
    public async Task Clerk_registers_paper_receives_6_issues_2_and_the_reorder_goes_through_approval_placing_and_two_receipts()
    {
        // A clerk registers paper with reorder point 5, receives 6, issues 2.
        var id = await clerk.Register(InventoryApi.NewItem(reorderPoint: 5, reorderQuantity: 20));
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 6 }).Ok();
        var issued = await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 2 }).Ok();
        var reorderId = issued.GetProperty("reorderId").GetGuid();

        // A reorder appears in GET /api/reorders as Requested.
        var listed = (await clerk.GetAsync("/api/reorders?status=Requested&pageSize=200").Ok()).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("reorderId").GetGuid() == reorderId);
        listed.GetProperty("supplyItemId").GetGuid().ShouldBe(id);
        listed.GetProperty("quantity").GetInt32().ShouldBe(20);
        listed.GetProperty("requestedBy").GetString().ShouldBe("demo-clerk");
        (await clerk.GetItem(id)).GetProperty("onOrder").GetInt32().ShouldBe(20);

        // The clerk cannot approve it (403); the manager can.
        await (await clerk.PostRaw($"/api/supply-items/{id}/reorders/{reorderId}/approve", "{}")).ShouldBeProblem(403, "forbidden");
        await (await manager.PostRaw($"/api/supply-items/{id}/reorders/{reorderId}/approve", "{}")).ShouldBeJson(200);
        var dashboard = await Dashboard(manager);
        OpenReorder(dashboard, reorderId)!.Value.GetProperty("status").GetString().ShouldBe("Approved");

        // It is placed, and received in two parts; onOrder follows.
        await clerk.PostJson($"/api/supply-items/{id}/reorders/{reorderId}/place", new { supplier = "Paper & Co" }).Ok();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 8, reorderId }).Ok();
        var partly = await clerk.GetItem(id);
        partly.GetProperty("onOrder").GetInt32().ShouldBe(12);
        partly.GetProperty("onHand").GetInt32().ShouldBe(12);
        var partial = (await clerk.GetAsync($"/api/reorders?supplyItemId={id}").Ok()).GetProperty("items")[0];
        partial.GetProperty("status").GetString().ShouldBe("PartiallyReceived");
        partial.GetProperty("receivedQuantity").GetInt32().ShouldBe(8);

        // The dashboard shows it as on order, with its age.
        dashboard = await Dashboard();
        var open = OpenReorder(dashboard, reorderId)!.Value;
        open.GetProperty("status").GetString().ShouldBe("PartiallyReceived");
        open.GetProperty("outstanding").GetInt32().ShouldBe(12);
        open.GetProperty("supplier").GetString().ShouldBe("Paper & Co");
        open.GetProperty("ageSeconds").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        open.GetProperty("requestedAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(dashboard.GetProperty("generatedAt").GetDateTimeOffset());

        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 12, reorderId }).Ok();
        var done = await clerk.GetItem(id);
        done.GetProperty("onOrder").GetInt32().ShouldBe(0);
        done.GetProperty("onHand").GetInt32().ShouldBe(24);
        done.GetProperty("openReorderId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await clerk.GetAsync($"/api/reorders?supplyItemId={id}&status=Received").Ok()).GetProperty("total").GetInt64().ShouldBe(1);
        OpenReorder(await Dashboard(), reorderId).ShouldBeNull();
    }

    [Fact]
    public async Task The_dashboard_counts_stock_statuses_and_lists_what_to_order()
    {
        var before = (await Dashboard()).GetProperty("stock");
        var ok = await clerk.Stocked(20);
        var low = await clerk.Stocked(3, reorderPoint: 5);
        await clerk.Register(InventoryApi.NewItem(reorderPoint: 5));
        var gone = await clerk.Stocked(1);
        await clerk.PostJson($"/api/supply-items/{gone}/discontinue", new { reason = "end of line" }).Ok();

        var dashboard = await Dashboard(api.As("demo-auditor"));
        var stock = dashboard.GetProperty("stock");
        (stock.GetProperty("ok").GetInt32() - before.GetProperty("ok").GetInt32()).ShouldBe(1);
        (stock.GetProperty("low").GetInt32() - before.GetProperty("low").GetInt32()).ShouldBe(1);
        (stock.GetProperty("out").GetInt32() - before.GetProperty("out").GetInt32()).ShouldBe(1);
        (stock.GetProperty("discontinued").GetInt32() - before.GetProperty("discontinued").GetInt32()).ShouldBe(1);
        var toOrder = dashboard.GetProperty("toOrder").EnumerateArray().Select(i => i.GetProperty("supplyItemId").GetGuid()).ToList();
        toOrder.ShouldContain(low);
        toOrder.ShouldNotContain(ok);
        toOrder.ShouldNotContain(gone);
    }

    [Fact]
    public async Task The_dashboard_shows_consumption_per_department_and_month_and_count_variances()
    {
        var department = await api.As("demo-hr").Department();   // issues name departments that exist
        var id = await clerk.Stocked(30);
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 2, departmentId = department }).Ok();
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 3, departmentId = department }).Ok();
        await clerk.PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 20, reason = "box missing" }).Ok();

        var dashboard = await Dashboard();
        var consumption = dashboard.GetProperty("consumption").EnumerateArray()
            .Single(c => c.GetProperty("departmentId").ValueKind == JsonValueKind.String && c.GetProperty("departmentId").GetGuid() == department);
        consumption.GetProperty("quantity").GetInt32().ShouldBe(5);
        consumption.GetProperty("supplyItemId").GetGuid().ShouldBe(id);
        consumption.GetProperty("month").GetString().ShouldBe(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var variance = dashboard.GetProperty("countVariances")[0];
        variance.GetProperty("supplyItemId").GetGuid().ShouldBe(id);
        variance.GetProperty("bookQuantity").GetInt32().ShouldBe(25);
        variance.GetProperty("countedQuantity").GetInt32().ShouldBe(20);
        variance.GetProperty("variance").GetInt32().ShouldBe(-5);
        variance.GetProperty("reason").GetString().ShouldBe("box missing");
        variance.GetProperty("countedBy").GetString().ShouldBe("demo-clerk");
    }

    [Fact]
    public async Task The_dashboard_is_per_tenant_and_needs_authentication()
    {
        var id = await clerk.Stocked(10);
        var reorderId = await clerk.RequestReorder(id);
        await Dashboard();
        var acme = await api.As("acme-admin").GetAsync("/api/dashboards/inventory").Ok();
        OpenReorder(acme, reorderId).ShouldBeNull();
        await (await api.CreateClient().GetAsync("/api/dashboards/inventory")).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task Rebuilding_the_reorder_view_gives_the_same_rows()
    {
        var id = await clerk.Stocked(10);
        var reorderId = await clerk.RequestReorder(id, 4);
        await (await manager.PostRaw($"/api/supply-items/{id}/reorders/{reorderId}/approve", "{}")).ShouldBeJson(200);
        var before = (await clerk.GetAsync($"/api/reorders?supplyItemId={id}").Ok()).GetProperty("items")[0].ToString();

        using var daemon = await api.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<BackOffice.Projections.Inventory.ReorderViewProjection>(TimeSpan.FromMinutes(1), CancellationToken.None);

        (await clerk.GetAsync($"/api/reorders?supplyItemId={id}").Ok()).GetProperty("items")[0].ToString().ShouldBe(before);
    }
}
