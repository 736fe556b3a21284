using BackOffice.Api.Inventory;
using BackOffice.Domain.Inventory;
using System.Text.Json;
using BackOffice.Api.Tests.Recruiting;
using Marten;
using Marten.Events;
using Dashboard = BackOffice.Api.Inventory.GetInventoryDashboardEndpoint.Dashboard;

namespace BackOffice.Api.Tests.Inventory;

/// <summary>The async inventory dashboard, and the issue's "done when" scenario end to end.</summary>
[Collection(ApiCollection.Name)]
public class InventoryDashboardTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient manager = api.As("demo-manager");

    private async Task<Dashboard> Dashboard(HttpClient? client = null)
    {
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        return await (client ?? clerk).GetAsync("/api/dashboards/inventory").Ok<Dashboard>();
    }

    private static GetInventoryDashboardEndpoint.OpenReorderItem? OpenReorder(Dashboard dashboard, Guid reorderId)
        => dashboard.OpenReorders.SingleOrDefault(r => r.ReorderId == reorderId);

    [Fact]
    public async Task Clerk_registers_paper_receives_6_issues_2_and_the_reorder_goes_through_approval_placing_and_two_receipts()
    {
        // A clerk registers paper with reorder point 5, receives 6, issues 2.
        var id = await clerk.Register(InventoryApi.NewItem(reorderPoint: 5, reorderQuantity: 20));
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 6 }).Ok();
        var issued = await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 2 }).Ok<IssueStockEndpoint.Response>();
        var reorderId = issued.ReorderId.ShouldNotBeNull();

        // A reorder appears in GET /api/reorders as Requested.
        var listed = (await clerk.Reorders("status=Requested&pageSize=200")).Items.Single(r => r.ReorderId == reorderId);
        listed.SupplyItemId.ShouldBe(id);
        listed.Status.ShouldBe(ReorderStatus.Requested);
        listed.Quantity.ShouldBe(20);
        listed.RequestedBy.ShouldBe("demo-clerk");
        listed.Automatic.ShouldBeTrue();
        (await clerk.GetItem(id)).OnOrder.ShouldBe(20);

        // The clerk cannot approve it (403); the manager can.
        await (await clerk.PostRaw($"/api/supply-items/{id}/reorders/{reorderId}/approve", "{}")).ShouldBeProblem(403, "forbidden");
        await (await manager.PostRaw($"/api/supply-items/{id}/reorders/{reorderId}/approve", "{}")).ShouldBe<CommandResponse>(200);
        var dashboard = await Dashboard(manager);
        OpenReorder(dashboard, reorderId).ShouldNotBeNull().Status.ShouldBe(ReorderStatus.Approved);

        // It is placed, and received in two parts; onOrder follows.
        await clerk.PostJson($"/api/supply-items/{id}/reorders/{reorderId}/place", new { supplier = "Paper & Co" }).Ok();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 8, reorderId }).Ok();
        var partly = await clerk.GetItem(id);
        partly.OnOrder.ShouldBe(12);
        partly.OnHand.ShouldBe(12);
        var partial = (await clerk.Reorders($"supplyItemId={id}")).Items[0];
        partial.Status.ShouldBe(ReorderStatus.PartiallyReceived);
        partial.ReceivedQuantity.ShouldBe(8);

        // The dashboard shows it as on order, with its age.
        dashboard = await Dashboard();
        var open = OpenReorder(dashboard, reorderId).ShouldNotBeNull();
        open.SupplyItemId.ShouldBe(id);
        open.Status.ShouldBe(ReorderStatus.PartiallyReceived);
        open.Outstanding.ShouldBe(12);
        open.Supplier.ShouldBe("Paper & Co");
        open.AgeSeconds.ShouldBeGreaterThanOrEqualTo(0);
        open.RequestedAt.ShouldBeLessThanOrEqualTo(dashboard.GeneratedAt);

        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 12, reorderId }).Ok();
        var done = await clerk.GetItem(id);
        done.OnOrder.ShouldBe(0);
        done.OnHand.ShouldBe(24);
        done.OpenReorderId.ShouldBeNull();
        (await clerk.Reorders($"supplyItemId={id}&status=Received")).Total.ShouldBe(1);
        OpenReorder(await Dashboard(), reorderId).ShouldBeNull();
    }

    [Fact]
    public async Task The_dashboard_counts_stock_statuses_and_lists_what_to_order()
    {
        var before = (await Dashboard()).Stock;
        var ok = await clerk.Stocked(20);
        var low = await clerk.Stocked(3, reorderPoint: 5);
        await clerk.Register(InventoryApi.NewItem(reorderPoint: 5));
        var gone = await clerk.Stocked(1);
        await clerk.PostJson($"/api/supply-items/{gone}/discontinue", new { reason = "end of line" }).Ok();

        var dashboard = await Dashboard(api.As("demo-auditor"));
        var stock = dashboard.Stock;
        (stock.Ok - before.Ok).ShouldBe(1);
        (stock.Low - before.Low).ShouldBe(1);
        (stock.Out - before.Out).ShouldBe(1);
        (stock.Discontinued - before.Discontinued).ShouldBe(1);
        var toOrder = dashboard.ToOrder.Select(i => i.SupplyItemId).ToList();
        toOrder.ShouldContain(low);
        toOrder.ShouldNotContain(ok);
        toOrder.ShouldNotContain(gone);
    }

    [Fact]
    public async Task Stock_and_open_reorders_are_current_the_moment_the_command_answers()
    {
        // No wait for the async daemon here: stock and reorders come from the inline snapshots.
        var before = (await clerk.GetAsync("/api/dashboards/inventory").Ok<Dashboard>()).Stock;
        var low = await clerk.Stocked(3, reorderPoint: 5);
        var now = await clerk.GetAsync("/api/dashboards/inventory").Ok<Dashboard>();
        (now.Stock.Low - before.Low).ShouldBe(1);
        now.ToOrder.ShouldContain(i => i.SupplyItemId == low && i.OnHand == 3 && i.Status == "low");

        var reorderId = await clerk.RequestReorder(low);
        now = await clerk.GetAsync("/api/dashboards/inventory").Ok<Dashboard>();
        OpenReorder(now, reorderId).ShouldNotBeNull().Status.ShouldBe(ReorderStatus.Requested);
        now.ToOrder.ShouldNotContain(i => i.SupplyItemId == low);
    }

    [Fact]
    public async Task The_stock_counts_and_the_to_order_list_agree_with_every_snapshot()
    {
        // Items in every state: ok, low, out, low with a reorder open, and discontinued while low.
        await clerk.Stocked(20);
        await clerk.Stocked(3, reorderPoint: 5);
        await clerk.Register(InventoryApi.NewItem(reorderPoint: 5));
        await clerk.RequestReorder(await clerk.Stocked(2, reorderPoint: 5));
        var gone = await clerk.Stocked(1, reorderPoint: 5);
        await clerk.PostJson($"/api/supply-items/{gone}/discontinue", new { reason = "end of line" }).Ok();

        var dashboard = await clerk.GetAsync("/api/dashboards/inventory").Ok<Dashboard>();

        // The same figures computed in C# from every snapshot of the tenant, by the domain's own rules.
        await using var session = api.Store.QuerySession("demo");
        var items = await session.Query<SupplyItem>().ToListAsync();
        var active = items.Where(i => !i.Discontinued).ToList();
        dashboard.Stock.ShouldBe(new GetInventoryDashboardEndpoint.StockCounts(
            active.Count(i => i.Status == StockStatus.Ok), active.Count(i => i.Status == StockStatus.Low),
            active.Count(i => i.Status == StockStatus.Out), items.Count - active.Count));
        dashboard.ToOrder.Select(i => i.SupplyItemId).ShouldBe(
            active.Where(i => StockLevel.NeedsOrdering(i.Status, i.OpenReorder is not null))
                .OrderBy(i => i.Sku, StringComparer.Ordinal).Select(i => i.Id));
        dashboard.ToOrder.ShouldAllBe(i => i.Status == "low" || i.Status == "out");
    }

    [Fact]
    public async Task The_dashboard_shows_consumption_per_department_and_month_and_count_variances()
    {
        var department = await api.As("demo-hr").Department();   // issues name departments that exist
        var id = await clerk.Stocked(30);
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 2, departmentId = department }).Ok<IssueStockEndpoint.Response>();
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 3, departmentId = department }).Ok<IssueStockEndpoint.Response>();
        await clerk.PostJson($"/api/supply-items/{id}/counts", new { countedQuantity = 20, reason = "box missing" }).Ok<ReorderResponse>();

        var dashboard = await Dashboard();
        var consumption = dashboard.Consumption.Single(c => c.DepartmentId == department);
        consumption.Quantity.ShouldBe(5);
        consumption.SupplyItemId.ShouldBe(id);
        consumption.Month.ShouldBe(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var variance = dashboard.CountVariances[0];
        variance.SupplyItemId.ShouldBe(id);
        variance.BookQuantity.ShouldBe(25);
        variance.CountedQuantity.ShouldBe(20);
        variance.Variance.ShouldBe(-5);
        variance.Reason.ShouldBe("box missing");
        variance.CountedBy.ShouldBe("demo-clerk");
    }

    [Fact]
    public async Task The_dashboard_is_per_tenant_and_needs_authentication()
    {
        var id = await clerk.Stocked(10);
        var reorderId = await clerk.RequestReorder(id);
        OpenReorder(await Dashboard(), reorderId).ShouldNotBeNull();
        var acme = await api.As("acme-admin").GetAsync("/api/dashboards/inventory").Ok<Dashboard>();
        OpenReorder(acme, reorderId).ShouldBeNull();
        await (await api.CreateClient().GetAsync("/api/dashboards/inventory")).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task Rebuilding_the_reorder_view_gives_the_same_rows()
    {
        var id = await clerk.Stocked(10);
        var reorderId = await clerk.RequestReorder(id, 4);
        await (await manager.PostRaw($"/api/supply-items/{id}/reorders/{reorderId}/approve", "{}")).ShouldBe<CommandResponse>(200);
        var before = (await clerk.Reorders($"supplyItemId={id}")).Items.ShouldHaveSingleItem();
        before.Status.ShouldBe(ReorderStatus.Approved);

        using var daemon = await api.Store.BuildProjectionDaemonAsync("demo");
        await daemon.RebuildProjectionAsync<BackOffice.Projections.Inventory.ReorderViewProjection>(TimeSpan.FromMinutes(1), CancellationToken.None);

        (await clerk.Reorders($"supplyItemId={id}")).Items.ShouldHaveSingleItem().ShouldBe(before);
    }
}
