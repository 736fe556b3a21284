using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BackOffice.Api.Integration;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Domain.Integration;

namespace BackOffice.Api.Tests.Integration;

/// <summary>Webhooks against a receiver on 127.0.0.1, in a tenant of their own ("hooks").</summary>
[Collection(ApiCollection.Name)]
public class WebhookTests(ApiFixture api)
{
    private const string Secret = "a-test-secret-of-some-length-42";
    private readonly HttpClient integrator = api.As("hooks-integrator");
    private readonly HttpClient clerk = api.As("hooks-clerk");

    private async Task<Guid> Subscribe(Receiver receiver, params string[] types)
    {
        var response = await integrator.PostJson("/api/webhooks", new { url = receiver.Url, eventTypes = types, secret = Secret });
        var created = await response.ShouldBe<CommandResponse>(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/webhooks/{created.Id}");
        return created.Id;
    }

    private Task<WebhookView> Get(Guid id) => integrator.GetAsync($"/api/webhooks/{id}").Ok<WebhookView>();

    private async Task<WebhookView> Eventually(Guid id, Func<WebhookView, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var view = await Get(id);
            if (until(view)) return view;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Webhook {id} never reached the expected state: {JsonSerializer.Serialize(view)}");
            await Task.Delay(100);
        }
    }

    private static ChangeItem Item(Receiver.Received r) => JsonSerializer.Deserialize<ChangeItem>(r.Body, HttpAssertions.Read)!;

    [Fact]
    public async Task Deliveries_are_signed_in_sequence_order_and_only_of_the_chosen_types()
    {
        await using var receiver = new Receiver();
        var id = await Subscribe(receiver, "supply_item_registered_v1", "stock_received_v2");
        var item = await clerk.Register();
        for (var i = 1; i <= 3; i++) await clerk.PostJson($"/api/supply-items/{item}/receipts", new { quantity = i }).Ok();
        await clerk.PostJson($"/api/supply-items/{item}/issues", new { quantity = 1 }).Ok<BackOffice.Api.Inventory.IssueStockEndpoint.Response>();

        var received = await receiver.Until(r => r.Count(x => Item(x).StreamId == item) >= 4);
        var mine = received.Where(x => Item(x).StreamId == item).ToList();
        mine.Select(x => x.Event).ShouldBe(["supply_item_registered_v1", "stock_received_v2", "stock_received_v2", "stock_received_v2"]);
        mine.Select(x => Item(x).Version).ShouldBe([1L, 2L, 3L, 4L]);
        received.Select(x => Item(x).Sequence).ShouldBeInOrder(SortDirection.Ascending);
        foreach (var r in mine)
        {
            var body = Item(r);
            r.Event.ShouldBe(body.Type);
            r.ContentType.ShouldStartWith("application/json");
            // The signature: sha256=<hex HMAC-SHA256 of the raw body keyed with the secret>, as docs/integrators.md verifies it.
            r.Signature.ShouldBe("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), r.Body)));
            WebhookSignature.Verify(Secret, r.Body, r.Signature).ShouldBeTrue();
            WebhookSignature.Verify("another-secret-entirely", r.Body, r.Signature).ShouldBeFalse();
            r.Delivery.ShouldBe(WebhookSignature.DeliveryId(id, body.Sequence).ToString());
        }
        mine.Select(x => x.Delivery).Distinct().Count().ShouldBe(4);
        Encoding.UTF8.GetString(mine[1].Body).ShouldContain("\"quantity\":1");

        var view = await Eventually(id, v => v.LastDeliveries.Count(d => d.Status == DeliveryStatus.Succeeded) >= 4);
        view.Status.ShouldBe(WebhookStatus.Active);
        view.LastDeliveries.ShouldAllBe(d => d.Attempt == 1 && d.Error == null && d.HttpStatus == 200);
        (await integrator.DeleteAsync($"/api/webhooks/{id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_failing_item_is_retried_with_the_same_delivery_id_and_blocks_the_later_ones_until_it_succeeds()
    {
        await using var receiver = new Receiver { Answer = n => n <= 3 ? 500 : 200 };
        var id = await Subscribe(receiver, "supply_item_registered_v1", "stock_received_v2");
        var item = await clerk.Register();
        await clerk.PostJson($"/api/supply-items/{item}/receipts", new { quantity = 5 }).Ok();

        var received = await receiver.Until(r => r.Count >= 5);
        received.Take(4).Select(x => x.Delivery).Distinct().ShouldHaveSingleItem().ShouldBe(WebhookSignature.DeliveryId(id, Item(received[0]).Sequence).ToString());
        received.Take(4).ShouldAllBe(x => Item(x).Type == "supply_item_registered_v1");
        Item(received[4]).Type.ShouldBe("stock_received_v2");   // only after the blocked item went through

        var view = await Eventually(id, v => v.LastDeliveries.Count >= 5);
        var first = view.LastDeliveries.Where(d => d.EventSequence == Item(received[0]).Sequence).OrderBy(d => d.Attempt).ToList();
        first.Select(d => (d.Attempt, d.Status, d.HttpStatus)).ShouldBe(
            [(1, DeliveryStatus.Failed, (int?)500), (2, DeliveryStatus.Failed, 500), (3, DeliveryStatus.Failed, 500), (4, DeliveryStatus.Succeeded, 200)]);
        first[0].Error.ShouldNotBeNull().ShouldContain("500");
        view.Status.ShouldBe(WebhookStatus.Active);
        await integrator.DeleteAsync($"/api/webhooks/{id}");
    }

    [Fact]
    public async Task A_subscription_failing_longer_than_allowed_is_suspended_with_its_reason_and_resumes_where_it_stopped()
    {
        await using var receiver = new Receiver { Answer = _ => 302 };   // a redirect is a failure: never followed
        var id = await Subscribe(receiver, "supply_item_registered_v1");
        var item = await clerk.Register();

        var suspended = await Eventually(id, v => v.Status == WebhookStatus.Suspended);
        suspended.Reason.ShouldNotBeNull().ShouldContain("redirects are not followed");
        suspended.SuspendedAt.ShouldNotBeNull();
        suspended.LastDeliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Failed && d.HttpStatus == 302);
        receiver.Requests.ShouldAllBe(r => r.Body.Length > 0 && Item(r).StreamId == item);   // the redirect target was never called
        var attempts = receiver.Requests.Count;
        await Task.Delay(600);   // suspended: nothing more is tried (the poll interval is 100 ms)
        receiver.Requests.Count.ShouldBe(attempts);

        receiver.Answer = _ => 204;
        (await integrator.PostJson($"/api/webhooks/{id}/resume", new { }).Ok()).Version.ShouldBe(3);
        var received = await receiver.Until(r => r.Count > attempts);
        Item(received[attempts]).StreamId.ShouldBe(item);
        var resumed = await Eventually(id, v => v.LastDeliveries.Any(d => d.Status == DeliveryStatus.Succeeded));
        resumed.Status.ShouldBe(WebhookStatus.Active);
        resumed.Reason.ShouldBeNull();
        await (await integrator.PostJson($"/api/webhooks/{id}/resume", new { })).ShouldBeProblem(409, "webhook-not-suspended");
        await integrator.DeleteAsync($"/api/webhooks/{id}");
    }

    [Fact]
    public async Task Registrations_are_checked_secrets_never_returned_and_only_integrators_manage_them()
    {
        await using var receiver = new Receiver();
        var bad = await (await integrator.PostJson("/api/webhooks", new { url = "https://evil.example.com/x", eventTypes = new[] { "stock_issued_v1" }, secret = Secret }))
            .ShouldBeProblem(400, "validation-failed");
        bad.GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue();
        await (await integrator.PostJson("/api/webhooks", new { url = "http://user:pw@127.0.0.1/x", eventTypes = new[] { "stock_issued_v1" }, secret = Secret }))
            .ShouldBeProblem(400, "validation-failed");
        var unknown = await (await integrator.PostJson("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "no_such_event_v1" }, secret = Secret }))
            .ShouldBeProblem(400, "validation-failed");
        unknown.GetProperty("errors").TryGetProperty("eventTypes", out _).ShouldBeTrue();
        await (await integrator.PostJson("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "stock_issued_v1" }, secret = "short" }))
            .ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "stock_issued_v1" }, secret = Secret }))
            .ShouldBeProblem(403, "forbidden");

        var id = await Subscribe(receiver, "stock_issued_v1");
        var body = await (await integrator.GetAsync($"/api/webhooks/{id}")).Content.ReadAsStringAsync();
        body.ShouldNotContain(Secret);
        var view = await Get(id);
        view.Url.ShouldBe(receiver.Url);
        view.EventTypes.ShouldBe(["stock_issued_v1"]);
        view.Status.ShouldBe(WebhookStatus.Active);
        (await integrator.GetAsync("/api/webhooks?pageSize=200").Ok<Page<WebhookReadEndpoints.WebhookSummary>>()).Items.ShouldContain(w => w.Id == id);
        await (await clerk.GetAsync($"/api/webhooks/{id}")).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-integrator").GetAsync($"/api/webhooks/{id}")).ShouldBeProblem(404, "not-found");   // another tenant
        // The secret is stored encrypted: the database holds no trace of it in clear.
        await using (var connection = new Npgsql.NpgsqlConnection(ApiFixture.ConnectionFor("hooks")))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("select cipher from api_tests.bo_webhook_secret where webhook_id = $1", connection);
            command.Parameters.AddWithValue(id);
            var cipher = (byte[])(await command.ExecuteScalarAsync())!;
            Encoding.UTF8.GetString(cipher).ShouldNotContain(Secret);
            cipher.Length.ShouldBe(12 + 16 + Secret.Length);
        }

        (await integrator.DeleteAsync($"/api/webhooks/{id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        await (await integrator.GetAsync($"/api/webhooks/{id}")).ShouldBeProblem(404, "not-found");
        await (await integrator.DeleteAsync($"/api/webhooks/{id}")).ShouldBeProblem(404, "not-found");
        (await integrator.GetAsync("/api/webhooks?pageSize=200").Ok<Page<WebhookReadEndpoints.WebhookSummary>>()).Items.ShouldNotContain(w => w.Id == id);
    }
}
