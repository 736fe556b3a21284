using System.Diagnostics;
using System.Text.Json.Nodes;
using BackOffice.Domain.Common;
using BackOffice.Domain.Inventory;
using BackOffice.Projections;
using BackOffice.Projections.Audit;
using BackOffice.Projections.Inventory;
using JasperFx;
using Marten;
using Npgsql;

namespace BackOffice.Bench;

/// <summary>
/// Part 2 and 4: the library alone (Marten with <c>AddBackOffice()</c>, no HTTP) in its own schema: events/s for
/// single-event commands and for batches (the batches also fill the store up to the target event count), aggregate
/// load time against stream length, then the rebuild speed of each async read model over every stored event.
/// </summary>
internal static class LibraryPhase
{
    public const string Schema = "bench_lib";
    private const string Tenant = "demo";

    public static async Task Run(Settings s)
    {
        var figures = new JsonObject { ["machineAtStart"] = Machine.Describe(), ["schema"] = Schema };
        var cs = ConnectionString(s);
        await using (var reset = new NpgsqlConnection(cs))
        {
            await reset.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"drop schema if exists {Schema} cascade", reset);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await using var store = await OpenStore(cs).ConfigureAwait(false);
        var context = DecisionContext.For("bench", TimeProvider.System);

        // Items for single-event commands (and for the reads phase).
        var items = Enumerable.Range(0, s.Items).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var session = store.LightweightSession(Tenant))
        {
            for (var i = 0; i < items.Length; i++)
            {
                session.Events.StartStream<SupplyItem>(items[i], SupplyItem.Register(new RegisterSupplyItem(items[i], $"LIB-{i:D5}", $"Library item {i}", "each", "bench", "L1", 0, 10)));
                session.Events.Append(items[i], new StockReceived(items[i], 1_000_000, null, null));
            }
            await session.SaveChangesAsync().ConfigureAwait(false);
        }
        File.WriteAllLines(Path.Combine(s.WorkDir, "library-items.txt"), items.Select(i => i.ToString()));

        // 2a: single-event commands, as the API runs them (lock the stream, decide on the snapshot, append one event).
        var single = await ClosedLoop.Run(s.Clients, s.WarmUp, s.Window, async (w, r) =>
        {
            var id = items[r.Next(items.Length)];
            await using var session = store.LightweightSession(Tenant);
            var stream = await session.Events.FetchForExclusiveWriting<SupplyItem>(id).ConfigureAwait(false);
            stream.AppendMany(r.Next(2) == 0 ? stream.Aggregate!.Receive(new ReceiveStock(1)) : stream.Aggregate!.Issue(new IssueStock(1), context));
            await session.SaveChangesAsync().ConfigureAwait(false);
            return null;
        }).ConfigureAwait(false);
        figures["singleEventCommands"] = single.ToJson();
        Console.WriteLine($"[library] single-event commands: {single.PerSecond:F0} events/s (load {Machine.LoadAverage()})");

        // 2b: batches of 1,000 events (10 streams × 100) per SaveChanges, 4 writers, until the store holds the target count.
        var stored = await CountEvents(cs).ConfigureAwait(false);
        var aggregateEvents = s.StreamLengths.Sum(l => (long)l);
        var toAppend = Math.Max(10_000, s.TargetEvents - stored - aggregateEvents);
        const int perStream = 100, streamsPerBatch = 10, writers = 4;
        var batches = (int)Math.Ceiling(toAppend / (double)(perStream * streamsPerBatch));
        var streams = Math.Max(writers * streamsPerBatch, (int)Math.Min(1_000, toAppend / 1_000));   // ~1,000 events per stream at 1M
        var streamIds = Enumerable.Range(0, streams).Select(_ => Guid.CreateVersion7()).ToArray();
        var started = new bool[streams];
        var next = -1;
        var batchClock = Stopwatch.StartNew();
        var batchLatency = new Latencies();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, streams).Where(i => i % writers == w).ToArray();
            var cursor = 0;
            while (Interlocked.Increment(ref next) < batches)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using var session = store.LightweightSession(Tenant);
                for (var k = 0; k < streamsPerBatch; k++)
                {
                    var index = mine[cursor++ % mine.Length];
                    var id = streamIds[index];
                    var events = new List<object>(perStream);
                    if (!started[index])
                    {
                        events.Add(SupplyItem.Register(new RegisterSupplyItem(id, $"BATCH-{index:D5}", $"Batch item {index}", "each", "bench", "L2", 0, 10))[0]);
                        started[index] = true;
                    }
                    while (events.Count < perStream) events.Add(new StockReceived(id, 1, null, null));
                    if (events[0] is SupplyItemRegistered) session.Events.StartStream<SupplyItem>(id, events);
                    else session.Events.Append(id, events);
                }
                await session.SaveChangesAsync().ConfigureAwait(false);
                batchLatency.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);
        var appended = (long)batches * perStream * streamsPerBatch;
        figures["batches"] = new JsonObject
        {
            ["eventsPerBatch"] = perStream * streamsPerBatch, ["writers"] = writers, ["events"] = appended,
            ["seconds"] = Math.Round(batchClock.Elapsed.TotalSeconds, 2), ["eventsPerSecond"] = Math.Round(appended / batchClock.Elapsed.TotalSeconds, 0),
            ["batchLatency"] = batchLatency.ToJson(),
        };
        Console.WriteLine($"[library] batches: {appended / batchClock.Elapsed.TotalSeconds:F0} events/s ({appended} events)");

        // 4b: aggregate load time against stream length.
        var lengths = new JsonArray();
        foreach (var length in s.StreamLengths)
        {
            var id = Guid.CreateVersion7();
            for (var written = 0; written < length;)
            {
                await using var session = store.LightweightSession(Tenant);
                var events = new List<object>();
                if (written == 0) events.Add(SupplyItem.Register(new RegisterSupplyItem(id, $"LONG-{length}", $"Stream of {length}", "each", "bench", "L3", 0, 10))[0]);
                while (events.Count < Math.Min(1_000, length - written)) events.Add(new StockReceived(id, 1, null, null));
                if (written == 0) session.Events.StartStream<SupplyItem>(id, events); else session.Events.Append(id, events);
                await session.SaveChangesAsync().ConfigureAwait(false);
                written += events.Count;
            }
            var forWriting = new Latencies();
            for (var i = 0; i < 30; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using var session = store.LightweightSession(Tenant);
                var stream = await session.Events.FetchForWriting<SupplyItem>(id).ConfigureAwait(false);
                if (stream.Aggregate?.OnHand != length - 1) throw new InvalidOperationException("wrong aggregate");
                forWriting.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            var live = new Latencies();
            for (var i = 0; i < (length >= 100_000 ? 3 : 10); i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using var session = store.QuerySession(Tenant);
                var aggregate = await session.Events.AggregateStreamAsync<SupplyItem>(id).ConfigureAwait(false);
                if (aggregate?.OnHand != length - 1) throw new InvalidOperationException("wrong live aggregate");
                live.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            lengths.Add(new JsonObject
            {
                ["streamLength"] = length,
                ["fetchForWritingSnapshotP50Ms"] = Latencies.R(forWriting.Percentile(50)), ["fetchForWritingSnapshotP99Ms"] = Latencies.R(forWriting.Percentile(99)),
                ["liveAggregationP50Ms"] = Latencies.R(live.Percentile(50)),
            });
            Console.WriteLine($"[library] stream of {length}: FetchForWriting p50 {forWriting.Percentile(50):F2} ms, live aggregation p50 {live.Percentile(50):F2} ms");
        }
        figures["aggregateLoad"] = lengths;

        // 4a: rebuild of each async read model over every stored event.
        figures["eventsStored"] = await CountEvents(cs).ConfigureAwait(false);
        figures["rebuild"] = await Rebuild(store, cs).ConfigureAwait(false);
        PhaseResults.Write(s, figures);
    }

    /// <summary>
    /// Profiling aid (<c>BackOffice.Bench rebuild</c>): rebuilds every async read model again over the events a previous
    /// library phase left in <see cref="Schema"/>, and prints the figures.
    /// </summary>
    public static async Task RebuildOnly(Settings s)
    {
        var cs = ConnectionString(s);
        await using var store = await OpenStore(cs).ConfigureAwait(false);
        await Rebuild(store, cs).ConfigureAwait(false);
    }

    private static async Task<JsonObject> Rebuild(DocumentStore store, string cs)
    {
        var total = await CountEvents(cs).ConfigureAwait(false);
        var rebuilds = new JsonObject();
        using (var daemon = await store.BuildProjectionDaemonAsync().ConfigureAwait(false))
        {
            // Keyed in the figures by the names the report and earlier results use.
            foreach (var (name, projection) in new[] { ("AuditTrail", AuditTrail.ProjectionName), ("InventoryDashboard", InventoryDashboardProjection.ProjectionName) })
            {
                var t0 = Stopwatch.GetTimestamp();
                await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(30), CancellationToken.None).ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                rebuilds[name] = new JsonObject { ["events"] = total, ["seconds"] = Math.Round(seconds, 2), ["eventsPerSecond"] = Math.Round(total / seconds, 0) };
                Console.WriteLine($"[library] rebuild {name}: {total / seconds:F0} events/s ({total} events, {seconds:F1} s)");
            }
        }
        return rebuilds;
    }

    // The same statement preparation as the API host (src/BackOffice.Api/Hosting/StoreSetup.cs).
    private static string ConnectionString(Settings s) => new NpgsqlConnectionStringBuilder(s.Connection)
    { MaxPoolSize = s.Clients + 8, NoResetOnClose = true, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;

    private static async Task<DocumentStore> OpenStore(string cs)
    {
        var store = DocumentStore.For(o =>
        {
            o.Connection(cs);
            o.DatabaseSchemaName = Schema;
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.AddBackOffice(b => b.SchemaName = Schema);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
        return store;
    }

    private static async Task<long> CountEvents(string cs)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select count(*) from {Schema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }
}
