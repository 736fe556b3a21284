using BackOffice.Api.Commands;
using BackOffice.Api.Demo;
using BackOffice.Api.Tests.Inventory;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

/// <summary>
/// Group commit (ADR 25) on a host of its own with one batch writer: commands queued while the writer is held on a
/// locked "gate" item share its next transaction, each in its own savepoint.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GroupCommitTests(ApiFixture api)
{
    private static Action<System.Net.Http.Headers.HttpRequestHeaders> Key(string key) => h => h.Add("Idempotency-Key", key);

    private WebApplicationFactory<Program> Host(string? lockTimeoutMs = null, int writers = 1)
    {
        _ = api.Server;   // the shared host makes the schema (its own and Wolverine's) first
        return api.Variant(b =>
    {
        b.UseSetting("BackOffice:Commands:GroupCommit", "true");
        b.UseSetting("BackOffice:Commands:Writers", writers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (lockTimeoutMs is not null) b.UseSetting("BackOffice:LockTimeoutMs", lockTimeoutMs);
    });
    }

    private static HttpClient Clerk(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        return client;
    }

    [Fact]
    public async Task At_low_load_a_batch_is_one_command()
    {
        using var host = Host();
        var clerk = Clerk(host);
        var groupCommit = host.Services.GetRequiredService<GroupCommit>();
        groupCommit.Enabled.ShouldBeTrue();
        var id = await clerk.Register();
        var batches = groupCommit.Batches;
        for (var i = 0; i < 3; i++) await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 }).Ok();
        (groupCommit.Batches - batches).ShouldBe(3);
        groupCommit.BatchedCommands.ShouldBe(0);
        (await clerk.GetItem(id)).OnHand.ShouldBe(3);
    }

    [Fact]
    public async Task Commands_waiting_together_share_one_transaction()
    {
        using var host = Host();
        var clerk = Clerk(host);
        var ids = new[] { await clerk.Register(), await clerk.Register(), await clerk.Register() };

        var answers = await InOneBatch(host, clerk, ids.Select(id => (Func<Task<HttpResponseMessage>>)(
            () => clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 4 }, Key(Guid.NewGuid().ToString())))).ToArray());

        foreach (var answer in answers) (await answer.ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        foreach (var id in ids) (await clerk.GetItem(id)).OnHand.ShouldBe(4);
        // One transaction: their idempotency records carry the same transaction start time (now()).
        (await TransactionsOf(ids)).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_or_failing_command_touches_none_of_its_batch_mates()
    {
        using var host = Host();
        var clerk = Clerk(host);
        var first = await clerk.Register();
        var scarce = await clerk.Stocked(onHand: 1);
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..12];
        await clerk.Register(InventoryApi.NewItem(sku));
        var last = await clerk.Register();

        var answers = await InOneBatch(host, clerk,
            () => clerk.PostJson($"/api/supply-items/{first}/receipts", new { quantity = 5 }, Key(Guid.NewGuid().ToString())),
            () => clerk.PostJson($"/api/supply-items/{scarce}/issues", new { quantity = 10 }),   // the domain refuses
            () => clerk.PostJson("/api/supply-items", InventoryApi.NewItem(sku)),                // PostgreSQL refuses (unique key)
            () => clerk.PostJson($"/api/supply-items/{last}/receipts", new { quantity = 3 }, Key(Guid.NewGuid().ToString())));

        (await answers[0].ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        await answers[1].ShouldBeProblem(409, "insufficient-stock");
        await answers[2].ShouldBeProblem(409, "duplicate-sku");
        (await answers[3].ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        (await clerk.GetItem(first)).OnHand.ShouldBe(5);
        var stillScarce = await clerk.GetItem(scarce);
        (stillScarce.OnHand, stillScarce.Version).ShouldBe((1, 2));
        (await clerk.GetItem(last)).OnHand.ShouldBe(3);
        (await TransactionsOf([first, last])).ShouldBe(1);
    }

    [Fact]
    public async Task Idempotency_keys_replay_and_refuse_inside_a_batch()
    {
        using var host = Host();
        var clerk = Clerk(host);
        var id = await clerk.Register();
        var key = Guid.NewGuid().ToString();

        var answers = await InOneBatch(host, clerk,
            () => clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 2 }, Key(key)),
            () => clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 2 }, Key(key)),
            () => clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 9 }, Key(key)));

        var firstBody = await answers[0].Content.ReadAsStringAsync();
        (await answers[0].ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        (await answers[1].Content.ReadAsStringAsync()).ShouldBe(firstBody);
        answers[1].Headers.GetValues("Idempotency-Replayed").Single().ShouldBe("true");
        await answers[2].ShouldBeProblem(422, "idempotency-key-reused");
        var item = await clerk.GetItem(id);
        (item.OnHand, item.Version).ShouldBe((2, 2));

        // The record committed with its batch: a later retry replays it.
        var later = await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 2 }, Key(key));
        (await later.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        later.Headers.GetValues("Idempotency-Replayed").Single().ShouldBe("true");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_inside_a_batch_and_its_batch_mate_commits()
    {
        using var host = Host();
        var clerk = Clerk(host);
        var stale = await clerk.Stocked(onHand: 1);
        var fresh = await clerk.Register();

        var answers = await InOneBatch(host, clerk,
            () => clerk.PostJson($"/api/supply-items/{stale}/receipts", new { quantity = 1 }, h => h.Add("If-Match", "\"1\"")),
            () => clerk.PostJson($"/api/supply-items/{fresh}/receipts", new { quantity = 1 }, h => h.Add("If-Match", "\"1\"")));

        await answers[0].ShouldBeProblem(412, "version-mismatch");
        (await answers[1].ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        (await clerk.GetItem(stale)).Version.ShouldBe(2);
        (await clerk.GetItem(fresh)).OnHand.ShouldBe(1);
    }

    [Fact]
    public async Task A_command_that_meets_contention_in_a_batch_is_retried_alone_after_its_batch_mate_committed()
    {
        using var host = Host(lockTimeoutMs: "1500");
        var clerk = Clerk(host);
        var contended = await clerk.Register();
        var other = await clerk.Register();
        await using var held = await StreamLock.Hold(contended);

        var answers = InOneBatchStarted(host, clerk,
            () => clerk.PostJson($"/api/supply-items/{contended}/receipts", new { quantity = 1 }),
            () => clerk.PostJson($"/api/supply-items/{other}/receipts", new { quantity = 1 }));
        var started = await answers;

        // The contended command's lock wait times out and rolls back to its savepoint; its batch-mate commits meanwhile.
        (await (await started[1]).ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        started[0].IsCompleted.ShouldBeFalse("the contended command is retried, alone, waiting for the lock");
        await held.Release();
        (await (await started[0]).ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        (await clerk.GetItem(contended)).OnHand.ShouldBe(1);
        (await clerk.GetItem(other)).OnHand.ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_skips_a_stream_another_batch_holds_and_the_commands_behind_it_go_past()
    {
        using var host = Host(lockTimeoutMs: "10000", writers: 2);
        var clerk = Clerk(host);
        var groupCommit = host.Services.GetRequiredService<GroupCommit>();
        var held = await clerk.Register();
        var other = await clerk.Register();
        await using var gate = await StreamLock.Hold(held);

        // The first writer's batch takes the held stream and waits for its row lock.
        var batches = groupCommit.Batches;
        var first = clerk.PostJson($"/api/supply-items/{held}/receipts", new { quantity = 1 });
        await Until(() => groupCommit.Batches > batches);
        // A second command on that stream must not join the other writer's batch (it would wait there for the first
        // batch's lock, and hold up its batch-mates): it waits in the queue while a command on another stream goes past.
        var second = clerk.PostJson($"/api/supply-items/{held}/receipts", new { quantity = 1 });
        await Until(() => groupCommit.Waiting == 1);
        (await (await clerk.PostJson($"/api/supply-items/{other}/receipts", new { quantity = 1 })).ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        groupCommit.Waiting.ShouldBe(1, "the second command on the held stream still waits");
        first.IsCompleted.ShouldBeFalse();

        await gate.Release();
        (await (await first).ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        (await (await second).ShouldBe<CommandResponse>(200)).Version.ShouldBe(3);
        (await clerk.GetItem(held)).OnHand.ShouldBe(2);
        (await clerk.GetItem(other)).OnHand.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_aborted_while_it_waits_is_dropped_before_it_runs()
    {
        using var host = Host();
        var clerk = Clerk(host);
        var groupCommit = host.Services.GetRequiredService<GroupCommit>();
        var id = await clerk.Register();
        var gate = await clerk.Register();
        using var abort = new CancellationTokenSource();
        await using (var gateLock = await StreamLock.Hold(gate))
        {
            var batches = groupCommit.Batches;
            var gated = clerk.PostJson($"/api/supply-items/{gate}/receipts", new { quantity = 1 });
            await Until(() => groupCommit.Batches > batches);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/supply-items/{id}/receipts")
            {
                Content = new StringContent("{\"quantity\":1}", System.Text.Encoding.UTF8, "application/json"),
            };
            // The server's side of an aborted request ends in an error nobody reads (a 500 that the contract check lets pass).
            request.Headers.Add(Conformance.ContractConformance.InjectedFault, "aborted");
            var aborted = clerk.SendAsync(request, abort.Token);
            await Until(() => groupCommit.Waiting == 1);
            await abort.CancelAsync();
            (await Record(aborted)).ShouldNotBeNull();
            await gateLock.Release();
            await (await gated).ShouldBe<CommandResponse>(200);
        }
        await Until(() => groupCommit.Waiting == 0);
        await clerk.PostJson($"/api/supply-items/{gate}/receipts", new { quantity = 1 }).Ok();   // the writer has moved on
        (await clerk.GetItem(id)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task Commands_run_in_their_requests_flow_the_demo_seeder_dates_its_events_with_the_demo_clock()
    {
        using var host = Host();
        var groupCommit = host.Services.GetRequiredService<GroupCommit>();
        var tenant = ApiFixture.FreshTenant("demo-gc-");
        var before = DateTimeOffset.UtcNow;
        var batches = groupCommit.Batches;

        var seeded = await host.Services.GetRequiredService<DemoSeeder>().SeedAsync(tenant);

        seeded.Commands.ShouldBeGreaterThan(100);
        (groupCommit.Batches - batches).ShouldBeGreaterThanOrEqualTo(seeded.Commands);
        await using var command = host.Services.GetRequiredService<BackOffice.Api.Hosting.TenantDatabases>().Of(tenant).DataSource.CreateCommand(
            $"select min(timestamp), max(timestamp), count(*) filter (where timestamp > $2) from {api.Store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = $1 and user_name not like 'workflow:%'");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = before.AddDays(-1) });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetFieldValue<DateTimeOffset>(0).ShouldBeLessThan(before.AddDays(-140));
        reader.GetFieldValue<DateTimeOffset>(1).ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(5));
        reader.GetInt64(2).ShouldBeLessThan(seeded.Commands / 4, "most of the seeder's events carry simulated dates, not today's");
    }

    /// <summary>
    /// Runs <paramref name="commands"/> in one batch: the host's only writer is held on a command waiting for a locked
    /// gate item while they queue, in order; then the gate opens. Answers in the order of the commands.
    /// </summary>
    private static async Task<HttpResponseMessage[]> InOneBatch(WebApplicationFactory<Program> host, HttpClient client,
        params Func<Task<HttpResponseMessage>>[] commands)
    {
        var groupCommit = host.Services.GetRequiredService<GroupCommit>();
        var batched = groupCommit.BatchedCommands;
        var answers = await Task.WhenAll(await InOneBatchStarted(host, client, commands));
        (groupCommit.BatchedCommands - batched).ShouldBe(commands.Length, "the commands shared one batch");
        return answers;
    }

    private static async Task<Task<HttpResponseMessage>[]> InOneBatchStarted(WebApplicationFactory<Program> host, HttpClient client,
        params Func<Task<HttpResponseMessage>>[] commands)
    {
        var groupCommit = host.Services.GetRequiredService<GroupCommit>();
        var gate = await client.Register();
        await using var gateLock = await StreamLock.Hold(gate);
        var batches = groupCommit.Batches;
        var gated = client.PostJson($"/api/supply-items/{gate}/receipts", new { quantity = 1 });
        await Until(() => groupCommit.Batches > batches);
        var started = new List<Task<HttpResponseMessage>>();
        foreach (var command in commands)
        {
            started.Add(command());
            await Until(() => groupCommit.Waiting == started.Count);
        }
        await gateLock.Release();
        await (await gated).ShouldBe<CommandResponse>(200);
        return [.. started];
    }

    private static async Task<Exception?> Record(Task task)
    {
        try
        {
            await task;
            return null;
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "timed out waiting for the batch writer");
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// How many transactions stored the idempotency records of the answers naming <paramref name="streams"/>: a record's
    /// <c>created_at</c> is <c>now()</c>, the start of its transaction, which a batch's savepoints share.
    /// </summary>
    private async Task<long> TransactionsOf(Guid[] streams)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*), count(distinct created_at) from {api.Store.Options.DatabaseSchemaName}.bo_idempotency " +
            "where exists (select 1 from unnest(@ids) as id where position(id in response) > 0)", connection);
        command.Parameters.AddWithValue("ids", streams.Select(id => System.Text.Encoding.UTF8.GetBytes(id.ToString())).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(streams.Length);
        return reader.GetInt64(1);
    }
}
