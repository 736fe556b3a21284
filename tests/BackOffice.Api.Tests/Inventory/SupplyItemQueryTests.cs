using System.Text.Json;
using BackOffice.Api.Inventory;
using BackOffice.Domain.Inventory;

namespace BackOffice.Api.Tests.Inventory;

/// <summary>The stock list with filters and paging, as-of and history.</summary>
[Collection(ApiCollection.Name)]
public class SupplyItemQueryTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");

    [Fact]
    public async Task The_stock_list_filters_by_status_and_category_and_pages()
    {
        var category = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var ok = await clerk.Stocked(20, category: category, sku: "A-" + category);
        var low = await clerk.Stocked(3, category: category, sku: "B-" + category);
        var empty = await clerk.Stocked(0, category: category, sku: "C-" + category);

        async Task<Page<ListSupplyItemsEndpoint.Item>> List(HttpClient client, string query)
            => await client.GetAsync($"/api/supply-items?{query}").Ok<Page<ListSupplyItemsEndpoint.Item>>();
        // The strict typed read also checks that every field of an item is there.
        var all = await List(api.As("demo-auditor"), $"category={category.ToUpperInvariant()}");
        all.Total.ShouldBe(3);
        all.Number.ShouldBe(1);
        all.PageSize.ShouldBe(50);
        all.Items.Select(i => i.Id).ShouldBe([ok, low, empty]);
        all.Items[0].ShouldBe(new ListSupplyItemsEndpoint.Item(ok, "A-" + category, "A4 paper", "ream", category, 20, 0, "ok", false));

        async Task<Guid[]> Ids(string query) => [.. (await List(clerk, $"category={category}&{query}")).Items.Select(i => i.Id)];
        (await Ids("status=ok")).ShouldBe([ok]);
        (await Ids("status=low")).ShouldBe([low]);
        (await Ids("status=out")).ShouldBe([empty]);
        (await Ids("pageSize=2&page=2")).ShouldBe([empty]);
        var page = await List(clerk, $"category={category}&pageSize=2&page=2");
        page.Total.ShouldBe(3);
        page.Number.ShouldBe(2);
        page.PageSize.ShouldBe(2);
    }

    [Theory]
    [InlineData("status=empty", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    public async Task An_invalid_list_parameter_is_400_naming_it(string query, string parameter)
    {
        var problem = await (await clerk.GetAsync($"/api/supply-items?{query}")).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task The_stock_list_needs_authentication_and_shows_only_the_tenants_items()
    {
        await (await api.CreateClient().GetAsync("/api/supply-items")).ShouldBeProblem(401, "unauthenticated");
        var category = "cat-" + Guid.NewGuid().ToString("N")[..8];
        await clerk.Stocked(1, category: category);
        var foreign = await api.As("acme-admin").GetAsync($"/api/supply-items?category={category}").Ok<Page<ListSupplyItemsEndpoint.Item>>();
        foreign.Total.ShouldBe(0);
        foreign.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task History_lists_every_event_oldest_first_with_its_metadata()
    {
        var id = await clerk.Stocked(10);
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 2, purpose = "printer" }, h =>
        {
            h.Add("X-Reason", "monthly needs");
            h.Add("X-Correlation-Id", "corr-history-1");
        }).Ok<IssueStockEndpoint.Response>();
        var items = (await api.As("demo-auditor").GetAsync($"/api/supply-items/{id}/history").Ok<AggregateHistory.History>()).Items;
        items.Select(i => i.Type).ShouldBe(["supply_item_registered_v1", "stock_received_v2", "stock_issued_v1"]);
        items.Select(i => i.Version).ShouldBe([1L, 2L, 3L]);
        items.Select(i => i.Sequence).ShouldBeInOrder();
        var issued = items[2];
        issued.User.ShouldBe("demo-clerk");
        issued.CorrelationId.ShouldBe("corr-history-1");
        issued.CausationId.ShouldNotBeNullOrEmpty();
        issued.Reason.ShouldBe("monthly needs");
        var data = issued.Data.ShouldBeOfType<JsonElement>().Deserialize<StockIssued>(HttpAssertions.Read).ShouldNotBeNull();
        data.SupplyItemId.ShouldBe(id);
        data.Quantity.ShouldBe(2);
        data.Purpose.ShouldBe("printer");
        issued.Timestamp.ShouldBeGreaterThanOrEqualTo(items[1].Timestamp);
        items[0].Reason.ShouldBeNull();
    }

    [Fact]
    public async Task History_of_an_unknown_or_foreign_item_is_404()
    {
        var id = await clerk.Register();
        await (await clerk.GetAsync($"/api/supply-items/{Guid.NewGuid()}/history")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/supply-items/{id}/history")).ShouldBeProblem(404, "not-found");
        await (await api.CreateClient().GetAsync($"/api/supply-items/{id}/history")).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task As_of_an_instant_gives_the_state_and_version_then()
    {
        var id = await clerk.Stocked(10);
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 4 }).Ok<IssueStockEndpoint.Response>();
        var items = (await clerk.GetAsync($"/api/supply-items/{id}/history").Ok<AggregateHistory.History>()).Items;
        var received = items[1].Timestamp;
        var registered = items[0].Timestamp;

        var response = await clerk.GetAsync($"/api/supply-items/{id}?asOf={Uri.EscapeDataString(received.ToString("O"))}");
        var then = await response.ShouldBe<GetSupplyItemEndpoint.SupplyItemView>(200);
        then.OnHand.ShouldBe(10);
        then.Version.ShouldBe(2);
        response.Headers.ETag!.Tag.ShouldBe("\"2\"");

        var atStart = await clerk.GetAsync($"/api/supply-items/{id}?asOf={Uri.EscapeDataString(registered.ToString("O"))}").Ok<GetSupplyItemEndpoint.SupplyItemView>();
        atStart.OnHand.ShouldBe(0);
        atStart.Version.ShouldBe(1);

        var now = await clerk.GetAsync($"/api/supply-items/{id}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}").Ok<GetSupplyItemEndpoint.SupplyItemView>();
        now.OnHand.ShouldBe(6);
        now.Version.ShouldBe(3);
    }

    [Fact]
    public async Task As_of_before_the_item_existed_is_404_and_a_bad_instant_is_400()
    {
        var id = await clerk.Register();
        await (await clerk.GetAsync($"/api/supply-items/{id}?asOf=2000-01-01T00:00:00Z")).ShouldBeProblem(404, "not-found");
        (await (await clerk.GetAsync($"/api/supply-items/{id}?asOf=yesterday")).ShouldBeProblem(400, "validation-failed"))
            .GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        await (await api.As("acme-admin").GetAsync($"/api/supply-items/{id}?asOf=2100-01-01T00:00:00Z")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_inventory_routes_with_clean_schema_names()
    {
        var doc = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeJson(200);
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/supply-items", "/api/supply-items/{id}/counts", "/api/supply-items/{id}/thresholds", "/api/supply-items/{id}/discontinue",
                     "/api/supply-items/{id}/reorders", "/api/supply-items/{id}/reorders/{reorderId}/approve",
                     "/api/supply-items/{id}/reorders/{reorderId}/place", "/api/supply-items/{id}/reorders/{reorderId}/cancel",
                     "/api/supply-items/{id}/history", "/api/reorders", "/api/dashboards/inventory",
                 })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        var list = paths.GetProperty("/api/supply-items").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
        list.ShouldBe(["status", "category", "page", "pageSize"], ignoreOrder: true);
        foreach (var schema in doc.GetProperty("components").GetProperty("schemas").EnumerateObject())
            schema.Name.ShouldMatch("^[A-Za-z0-9._-]+$");
    }
}
