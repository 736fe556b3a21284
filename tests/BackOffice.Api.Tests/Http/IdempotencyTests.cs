using BackOffice.Api.Commands;
using System.Net;
using BackOffice.Api.Tests.Inventory;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

[Collection(ApiCollection.Name)]
public class IdempotencyTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");

    private static Action<System.Net.Http.Headers.HttpRequestHeaders> Key(string key) => h => h.Add("Idempotency-Key", key);

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_and_appends_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var item = InventoryApi.NewItem();
        var first = await clerk.PostJson("/api/supply-items", item, Key(key));
        var firstBody = await first.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        var second = await clerk.PostJson("/api/supply-items", item, Key(key));
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.ETag!.Tag.ShouldBe("\"1\"");
        second.Headers.GetValues("Idempotency-Replayed").Single().ShouldBe("true");

        var id = (await first.ShouldBe<CommandResponse>(201)).Id;
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 5 }, Key(key + "-r"));
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 5 }, Key(key + "-r"));
        var state = await clerk.GetItem(id);
        state.OnHand.ShouldBe(5);
        state.Version.ShouldBe(2);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        var id = await clerk.Register();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, Key(key))).ShouldBe<CommandResponse>(200);
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 2 }, Key(key))).ShouldBeProblem(422, "idempotency-key-reused");
        (await clerk.GetItem(id)).OnHand.ShouldBe(1);
    }

    [Fact]
    public async Task The_key_is_scoped_to_the_user_and_the_route()
    {
        var key = Guid.NewGuid().ToString();
        var id = await clerk.Register();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, Key(key))).ShouldBe<CommandResponse>(200);
        await (await api.As("demo-admin").PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, Key(key))).ShouldBe<CommandResponse>(200);
        await (await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 1 }, Key(key))).ShouldBe<BackOffice.Api.Inventory.IssueStockEndpoint.Response>(200);
        (await clerk.GetItem(id)).OnHand.ShouldBe(1);
    }

    [Theory]
    [InlineData("has space")]
    public async Task An_invalid_key_is_400(string key)
    {
        var id = await clerk.Register();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/supply-items/{id}/receipts") { Content = new StringContent("{\"quantity\":1}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        await (await clerk.SendAsync(request)).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task A_key_over_200_characters_is_400()
    {
        var id = await clerk.Register();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }, Key(new string('k', 201)))).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task A_retry_while_the_first_request_runs_is_409_in_flight()
    {
        var id = await clerk.Register();
        var key = Guid.NewGuid().ToString();
        // Hold the stream's row lock so that the first request waits inside its transaction (holding the key).
        await using var streamLock = await StreamLock.Hold(id);
        var first = clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 3 }, Key(key));
        await WaitUntilWaitingOnLock();
        await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 3 }, Key(key))).ShouldBeProblem(409, "idempotency-key-in-flight");
        await streamLock.Release();
        await (await first).ShouldBe<CommandResponse>(200);
        (await clerk.GetItem(id)).OnHand.ShouldBe(3);
    }

    private static async Task WaitUntilWaitingOnLock()
    {
        await using var probe = new NpgsqlConnection(ApiFixture.Connection);
        await probe.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", probe);
            if ((long)(await command.ExecuteScalarAsync())! > 0) return;
            await Task.Delay(25);
        }
        throw new TimeoutException("The first request never waited on the row lock.");
    }

    [Fact]
    public async Task A_crash_between_commit_and_answer_is_replayed_on_retry_and_applied_once()
    {
        var crashing = new CrashOnce();
        using var host = api.Variant(b => b.ConfigureTestServices(s => s.AddSingleton<ICommandCommitted>(crashing)));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        var id = await client.Register();
        var key = Guid.NewGuid().ToString();
        crashing.Armed = true;

        var lost = await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 4 },
            h => { Key(key)(h); h.Add(Conformance.ContractConformance.InjectedFault, "crash"); });
        ((int)lost.StatusCode).ShouldBe(500);   // the process "crashed" after the commit: the client never got the answer

        var retry = await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 4 }, Key(key));
        (await retry.ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        retry.Headers.GetValues("Idempotency-Replayed").Single().ShouldBe("true");
        (await client.GetItem(id)).OnHand.ShouldBe(4);
    }

    private sealed class CrashOnce : ICommandCommitted
    {
        public bool Armed { get; set; }

        public Task OnCommittedAsync(CommandResult result, CancellationToken cancellation)
        {
            if (!Armed) return Task.CompletedTask;
            Armed = false;
            throw new InvalidOperationException("simulated crash after commit");
        }
    }
}
