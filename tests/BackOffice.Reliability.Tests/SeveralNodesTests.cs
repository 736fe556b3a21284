using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BackOffice.Projections;
using Marten;
using Xunit.Abstractions;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// Two API nodes on one PostgreSQL with <c>BackOffice:Wolverine:Durability=Balanced</c> (ADR 24): Wolverine assigns
/// every async projection and the hash chain subscription to exactly one node; when the node holding the chain is
/// killed (SIGKILL) under load through both nodes, the other takes its agents over within 30 s, the read models then
/// equal a fresh rebuild, the chain verifies, and no acknowledged command is lost or applied twice.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public class SeveralNodesTests(ITestOutputHelper output)
{
    private const string Agents = "select id, node_id::text from backoffice.wolverine_node_assignments where id like 'event-subscriptions://%' order by id";
    private static readonly Dictionary<string, string> Balanced = new()
    {
        ["BackOffice__Wolverine__Durability"] = "Balanced",
    };

    [Fact]
    public async Task Killing_the_node_that_holds_the_projections_and_the_chain_hands_them_to_the_other_within_30_seconds_losing_nothing()
    {
        await using var cluster = new Cluster();
        await cluster.CreateDatabase();
        var first = cluster.StartNode("node-a", Balanced);
        await first.Ready();
        // Alone, the first node runs every agent (the async projections, the chain, Wolverine's durability agent).
        await Cluster.Until(async () => await cluster.Scalar($"select count(*) from ({Agents}) a where id like '%/audithashchain/%'") == 1,
            TimeSpan.FromSeconds(60), "the first node runs the hash chain");
        var firstId = await cluster.Text("select id::text from backoffice.wolverine_nodes");
        var second = cluster.StartNode("node-b", Balanced);
        await second.Ready();
        var secondId = await cluster.Text($"select id::text from backoffice.wolverine_nodes where id <> '{firstId}'");
        secondId.ShouldNotBeNullOrEmpty();
        // The nine async projections and the hash chain, each assigned to exactly one node (the agent's uri is the key);
        // the leader may be moving some to the new node meanwhile.
        const int agents = 10;
        await Cluster.Until(async () => (await cluster.Rows(Agents)).Count == agents, TimeSpan.FromSeconds(60), "every agent assigned");

        using (var setup = first.Client())
            for (var i = 0; i < 4; i++) items.Add(await RegisterItem(setup));
        var keys = Enumerable.Range(0, 320).Select(i => (Key: $"nodes-{Guid.NewGuid():N}", Item: items[i % items.Count], Quantity: i % 5 + 1)).ToArray();
        var next = -1;
        var nodes = new[] { first, second };
        async Task Client(int n)
        {
            // Each client starts on one node and fails over to the other when its node stops answering, retrying a
            // command whose answer it did not get with the same Idempotency-Key, as a real client behind a balancer would.
            var node = n % 2;
            using var a = nodes[0].Client(timeout: TimeSpan.FromSeconds(15));
            using var b = nodes[1].Client(timeout: TimeSpan.FromSeconds(15));
            int index;
            while ((index = Interlocked.Increment(ref next)) < keys.Length)
            {
                var (key, item, quantity) = keys[index];
                for (var attempt = 0; ; attempt++)
                {
                    attempt.ShouldBeLessThan(400, "a keyed receipt was never acknowledged");
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/supply-items/{item}/receipts") { Content = JsonContent.Create(new { quantity }) };
                        request.Headers.Add("Idempotency-Key", key);
                        var response = await (node == 0 ? a : b).SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged[key] = (item, quantity, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64());
                            break;
                        }
                        ((int)response.StatusCode).ShouldBeOneOf(409, 503);   // a key in flight on the dead node, or a timeout under load
                    }
                    catch (HttpRequestException) { node = 1 - node; }
                    catch (TaskCanceledException) { node = 1 - node; }
                    await Task.Delay(50);
                }
            }
        }

        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() => Client(n))));
        await Cluster.Until(() => Task.FromResult(acknowledged.Count >= keys.Length / 3 || load.IsCompleted), TimeSpan.FromSeconds(120), "a third of the load acknowledged");
        load.IsFaulted.ShouldBeFalse();

        // Kill the node that holds the hash chain (and whatever projections Wolverine gave it).
        var holderId = await cluster.Text($"select node_id from ({Agents}) a where id like '%/audithashchain/%'");
        var (victim, survivor, survivorId) = holderId == firstId ? (first, second, secondId) : (second, first, firstId);
        var victimAgents = await cluster.Scalar($"select count(*) from ({Agents}) a where node_id = '{holderId}'");
        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        var lastBeforeKill = await cluster.Scalar("select coalesce(max(seq_id), 0) from backoffice.mt_events");
        await Cluster.Until(async () =>
                await cluster.Scalar($"select count(*) from ({Agents}) a where node_id = '{survivorId}'") == agents
                // Wolverine's durability agent (scheduled messages, envelopes of dead nodes) runs on the survivor too.
                && await cluster.Scalar($"select count(*) from backoffice.wolverine_node_assignments where id like 'wolverinedb://%' and node_id = '{survivorId}'") == 1
                && await cluster.Scalar("select last_seq_id from backoffice.mt_event_progression where name = 'AuditHashChain:All'") >= lastBeforeKill,
            TimeSpan.FromSeconds(30), "the survivor takes over every agent and chains the events appended before the kill");
        var takeover = killedAt.Elapsed;
        output.WriteLine($"Killed {victim.Name} holding {victimAgents} of {agents} agents; {survivor.Name} held all and had chained up to seq {lastBeforeKill} after {takeover.TotalSeconds:F1} s.");

        await load;
        acknowledged.Count.ShouldBe(keys.Length);
        await cluster.DaemonCaughtUp(TimeSpan.FromSeconds(60));

        // No acknowledged command lost or doubled: exactly one receipt per key, at the version its answer named.
        foreach (var item in items)
        {
            var stored = (await cluster.Rows($"select version, data->>'quantity' from backoffice.mt_events where stream_id = '{item}' and type = 'stock_received_v2' order by version"));
            var expected = acknowledged.Values.Where(v => v.Item == item).OrderBy(v => v.Version).Select(v => $"{v.Version} {v.Quantity}").ToList();
            stored.ShouldBe(expected);
        }
        using var admin = survivor.Client("demo-admin");
        var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/audit/verify")).RootElement;
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verify.GetProperty("checkedEvents").GetInt64().ShouldBe(await cluster.Scalar("select count(*) from backoffice.mt_events where tenant_id = 'demo'"));
        (await cluster.Scalar("select count(*) from backoffice.bo_audit_chain")).ShouldBe(await cluster.Scalar("select count(*) from backoffice.mt_events"));

        // Every async read model equals a fresh rebuild from the events.
        var projections = (await cluster.Rows("select name from backoffice.mt_event_progression where name like '%:All' and name <> 'AuditHashChain:All' order by name"))
            .Select(n => n[..^":All".Length]).ToList();
        projections.Count.ShouldBe(agents - 1);
        var before = await Documents(cluster);
        survivor.Kill();
        await Rebuild(cluster, projections);
        var after = await Documents(cluster);
        after.Keys.ShouldBe(before.Keys);
        foreach (var table in before.Keys) after[table].ShouldBe(before[table], $"{table} after a rebuild");
        takeover.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    private readonly List<Guid> items = [];
    private readonly ConcurrentDictionary<string, (Guid Item, int Quantity, long Version)> acknowledged = new();

    private static async Task<Guid> RegisterItem(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/supply-items", new
        {
            sku = "NODES-" + Guid.NewGuid().ToString("N")[..10], name = "Toner", unit = "each", category = "toner", location = "C2",
            reorderPoint = 0, reorderQuantity = 1,
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Every document table's rows (tenant, id, data), by table.</summary>
    private static async Task<Dictionary<string, List<string>>> Documents(Cluster cluster)
    {
        var tables = await cluster.Rows("""
            select c.table_name || ' ' || bool_or(c.column_name = 'tenant_id') from information_schema.columns c
            where c.table_schema = 'backoffice' and c.table_name like 'mt_doc_%' group by c.table_name order by c.table_name
            """);
        var documents = new Dictionary<string, List<string>>();
        foreach (var row in tables)
        {
            var (table, tenanted) = (row.Split(' ')[0], row.Split(' ')[1] == "True");
            documents[table] = await cluster.Rows($"select {(tenanted ? "tenant_id" : "''")}, id::text, data::text from backoffice.{table} order by 1, 2");
        }
        return documents;
    }

    private static async Task Rebuild(Cluster cluster, IEnumerable<string> projections)
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(cluster.TestConnection.Replace("Command Timeout=30", "Command Timeout=120", StringComparison.Ordinal));
            o.DatabaseSchemaName = "backoffice";
            o.AddBackOffice(b => b.SchemaName = "backoffice");
        });
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in projections)
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(2), CancellationToken.None);
        await daemon.StopAllAsync();
    }
}
