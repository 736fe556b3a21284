using System.Net;
using BackOffice.Api.Inventory;
using BackOffice.Domain.Inventory;
using JasperFx.Events;
using Marten;

namespace BackOffice.Api.Tests.Inventory;

[Collection(ApiCollection.Name)]
public class SupplyItemEndpointsTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");

    [Fact]
    public async Task Register_answers_201_with_location_etag_and_version_1()
    {
        var response = await clerk.PostJson("/api/supply-items", InventoryApi.NewItem());
        var body = await response.ShouldBe<CommandResponse>(201);
        var id = body.Id;
        body.Version.ShouldBe(1);
        response.Headers.Location!.ToString().ShouldBe($"/api/supply-items/{id}");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        id.Version.ShouldBe(7);
    }

    [Fact]
    public async Task Receive_10_issue_3_leaves_7_on_hand()
    {
        var id = await clerk.Register();
        (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 10 }).Ok()).Version.ShouldBe(2);
        var issued = await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 3 });
        var issue = await issued.ShouldBe<IssueStockEndpoint.Response>(200);
        issue.Version.ShouldBe(3);
        issue.ReorderId.ShouldBeNull();
        issued.Headers.ETag!.Tag.ShouldBe("\"3\"");

        var getResponse = await clerk.GetAsync($"/api/supply-items/{id}");
        var item = await getResponse.ShouldBe<GetSupplyItemEndpoint.SupplyItemView>(200);
        item.Id.ShouldBe(id);
        item.OnHand.ShouldBe(7);
        item.Status.ShouldBe("ok");
        item.Version.ShouldBe(3);
        getResponse.Headers.ETag!.Tag.ShouldBe("\"3\"");
    }

    [Fact]
    public async Task Issuing_more_than_on_hand_is_409_insufficient_stock_and_stores_nothing()
    {
        var id = await clerk.Register();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 7 });
        var response = await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 100 });
        var problem = await response.ShouldBeProblem(409, "insufficient-stock");
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldNotBeNullOrWhiteSpace();
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        problem.GetProperty("detail").GetString()!.ShouldContain("7");
        (await clerk.GetItem(id)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task Issue_that_crosses_the_reorder_point_answers_the_reorder_id()
    {
        var id = await clerk.Register(InventoryApi.NewItem(reorderPoint: 5));
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 6 });
        var body = await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 2 }).Ok<IssueStockEndpoint.Response>();
        var reorderId = body.ReorderId.ShouldNotBeNull();
        var item = await clerk.GetItem(id);
        item.OpenReorderId.ShouldBe(reorderId);
        item.OnOrder.ShouldBe(20);
        item.Status.ShouldBe("low");
    }

    [Fact]
    public async Task No_key_is_401_and_an_unknown_key_is_401()
    {
        var anonymous = api.CreateClient();
        await (await anonymous.PostJson("/api/supply-items", InventoryApi.NewItem())).ShouldBeProblem(401, "unauthenticated");
        await (await api.As("not-a-key").GetAsync($"/api/supply-items/{Guid.NewGuid()}")).ShouldBeProblem(401, "unauthenticated");
    }

    [Fact]
    public async Task A_role_without_inventory_rights_is_403()
        => await (await api.As("demo-hr").PostJson("/api/supply-items", InventoryApi.NewItem())).ShouldBeProblem(403, "forbidden");

    [Fact]
    public async Task Admin_holds_every_role()
        => await (await api.As("demo-admin").PostJson("/api/supply-items", InventoryApi.NewItem())).ShouldBe<CommandResponse>(201);

    [Theory]
    [InlineData("{\"quantity\":")]
    [InlineData("{\"quantity\":\"ten\"}")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("{\"quantity\":1.5}")]
    [InlineData("{\"quantity\":1,\"quantiy\":2}")]
    public async Task A_malformed_body_is_400_malformed_json_and_stores_nothing(string body)
    {
        var id = await clerk.Register();
        await (await clerk.PostRaw($"/api/supply-items/{id}/receipts", body)).ShouldBeProblem(400, "malformed-json");
        (await clerk.GetItem(id)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_field_is_400_validation_failed_naming_it()
    {
        var id = await clerk.Register();
        var problem = await (await clerk.PostRaw($"/api/supply-items/{id}/receipts", "{}")).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").GetProperty("quantity").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_value_out_of_range_is_400_validation_failed_naming_it()
    {
        var id = await clerk.Register();
        var problem = await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 0 })).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").GetProperty("quantity").GetArrayLength().ShouldBe(1);
        var registration = await (await clerk.PostJson("/api/supply-items", new { sku = "", name = "n", unit = "u", category = "c", location = "l", reorderPoint = 1, reorderQuantity = 1 }))
            .ShouldBeProblem(400, "validation-failed");
        registration.GetProperty("errors").TryGetProperty("sku", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var id = await clerk.Register();
        await (await clerk.PostRaw($"/api/supply-items/{id}/receipts", "quantity=1", "text/plain")).ShouldBeProblem(415, "unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413()
    {
        var id = await clerk.Register();
        var big = "{\"quantity\":1,\"purpose\":\"" + new string('a', 1024 * 1024 + 10) + "\"}";
        await (await clerk.PostRaw($"/api/supply-items/{id}/issues", big)).ShouldBeProblem(413, "payload-too-large");
    }

    [Fact]
    public async Task An_unknown_item_is_404()
    {
        await (await clerk.GetAsync($"/api/supply-items/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await clerk.PostJson($"/api/supply-items/{Guid.NewGuid()}/receipts", new { quantity = 1 })).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Another_tenants_item_is_404_never_403()
    {
        var id = await clerk.Register();
        var acme = api.As("acme-admin");
        await (await acme.GetAsync($"/api/supply-items/{id}")).ShouldBeProblem(404, "not-found");
        await (await acme.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 })).ShouldBeProblem(404, "not-found");
        (await clerk.GetItem(id)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_duplicate_sku_in_the_tenant_is_409_but_another_tenant_may_use_it()
    {
        var sku = "DUP-" + Guid.NewGuid().ToString("N")[..8];
        await clerk.Register(InventoryApi.NewItem(sku));
        await (await clerk.PostJson("/api/supply-items", InventoryApi.NewItem(sku))).ShouldBeProblem(409, "duplicate-sku");
        await api.As("acme-admin").Register(InventoryApi.NewItem(sku));
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_a_current_one_applies()
    {
        var id = await clerk.Register();
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 5 });
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, h => h.IfMatch.ParseAdd("\"1\"")))
            .ShouldBeProblem(412, "version-mismatch");
        var ok = await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, h => h.IfMatch.ParseAdd("\"2\""));
        (await ok.ShouldBe<CommandResponse>(200)).Version.ShouldBe(3);
    }

    [Fact]
    public async Task Events_carry_user_correlation_causation_and_reason()
    {
        var id = await clerk.Register();
        var response = await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 4 }, h =>
        {
            h.Add("X-Correlation-Id", "corr-test-1");
            h.Add("X-Reason", "monthly delivery");
        });
        await response.ShouldBe<CommandResponse>(200);
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("corr-test-1");

        await using var session = api.Store.QuerySession("demo");
        var events = await session.Events.FetchStreamAsync(id);
        var received = events.Single(e => e.Data is StockReceived);
        received.UserName.ShouldBe("demo-clerk");
        received.CorrelationId.ShouldBe("corr-test-1");
        received.CausationId.ShouldNotBeNullOrEmpty();
        received.GetHeader("reason")!.ToString().ShouldBe("monthly delivery");
        received.EventTypeName.ShouldBe("stock_received_v2");
        events[0].CausationId.ShouldNotBe(received.CausationId);
    }

    [Fact]
    public async Task A_correlation_id_is_generated_and_echoed_when_absent()
    {
        var response = await clerk.GetAsync($"/api/supply-items/{Guid.NewGuid()}");
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Health_endpoints_need_no_authentication()
    {
        var anonymous = api.CreateClient();
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sixty_four_concurrent_receipts_on_one_item_all_apply()
    {
        var id = await clerk.Register();
        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            api.As("demo-clerk").PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 })));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var item = await clerk.GetItem(id);
        item.OnHand.ShouldBe(64);
        item.Version.ShouldBe(65);
    }
}
