using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace BackOffice.Bench;

/// <summary>
/// Part 1 and 3: commands over HTTP against the two baselines measured on the same PostgreSQL in the same run
/// (the physical limit: one durable single-row INSERT per transaction; the same transaction shape as one command,
/// hand-written), with the API's CPU and memory and the async projections' lag under that load.
/// </summary>
internal static class LoadPhase
{
    private const string Tenant = "demo";
    private const string Schema = "backoffice";
    private const string Raw = "bench_rawshape";

    public static async Task Run(Settings s)
    {
        var api = s.Api ?? throw new ArgumentException("--api is required");
        var pid = s.ApiPid ?? throw new ArgumentException("--api-pid is required");
        var figures = new JsonObject { ["machineAtStart"] = Machine.Describe(), ["clients"] = s.Clients };
        await using var data = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(s.Connection)
        {
            // The baselines get the same statement preparation and pooling as the API's command connections.
            MaxPoolSize = s.Clients + 8, MinPoolSize = 0, NoResetOnClose = true, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2,
        }.ConnectionString).Build();

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = s.Clients + 8,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchKeys.Clerk);

        Console.WriteLine($"[load] registering {s.Items} supply items and stocking them…");
        var items = await RegisterItems(http, s.Items).ConfigureAwait(false);
        // The closed-loop HTTP commands: wrk when scripts/bench.sh found it (issue 24's method, a client that costs the
        // machine little), else the benchmark's own .NET client. The fixed-rate and soak measurements stay .NET.
        var wrk = s.Wrk is null ? null : await WrkRunner.Create(s.Wrk, s, api, items).ConfigureAwait(false);
        var client = wrk is null ? ".NET" : "wrk";
        Task<ClosedLoop.Outcome> HttpCommands(TimeSpan warmUp, TimeSpan window, string label) => wrk is not null
            ? wrk.Run(warmUp, window, label)
            : ClosedLoop.Run(s.Clients, warmUp, window, (w, r) => HttpCommand(http, items[r.Next(items.Length)], r.Next(2) == 0));
        Console.WriteLine($"[load] HTTP commands by {(wrk is null ? "the .NET client" : $"{wrk.Version}, {wrk.Threads} threads")}");
        await PrepareBaselines(data).ConfigureAwait(false);
        Console.WriteLine("[load] baselines ready");

        var limit = new List<ClosedLoop.Outcome>();
        var pgLimit = new List<ClosedLoop.Outcome>();
        var singleRowScript = s.PgBench is null ? null : await SingleRowScript(s.WorkDir).ConfigureAwait(false);
        var raw = new List<ClosedLoop.Outcome>();
        var commands = new List<ClosedLoop.Outcome>();
        var probe = new ProcessProbe(pid);
        var memory = new List<(double Seconds, long RssKb)>();
        double apiCpu = 0, apiWall = 0, pgCpu = 0;
        var postgres = await PostgresProbe.Find(s.Connection).ConfigureAwait(false);
        var lag = new LagMonitor(s.Connection);
        var clock = Stopwatch.StartNew();

        // The API's JIT settles (tiered compilation, dynamic PGO) in its first seconds of load: measure it warm, as it runs
        // in production, not while it compiles.
        var jit = await HttpCommands(s.ApiWarmUp, TimeSpan.FromSeconds(1), "jit-warm-up").ConfigureAwait(false);
        Console.WriteLine($"[load] API warmed up ({jit.PerSecond:F0} commands/s in its last second)");
        await Task.Delay(TimeSpan.FromSeconds(s.Smoke ? 2 : 5)).ConfigureAwait(false);   // let the projections catch up

        for (var round = 1; round <= s.Rounds; round++)
        {
            if (!s.HttpOnly)
            {
            if (singleRowScript is not null)
            {
                var (pg, _) = await PgBenchRunner.Run(s.PgBench!, s, singleRowScript, $"pgbench-single-row-{round}").ConfigureAwait(false);
                pgLimit.Add(pg);
                Console.WriteLine($"[load] round {round} single-row limit (pgbench): {pg.PerSecond:F0}/s (load {Machine.LoadAverage()})");
            }
            limit.Add(await ClosedLoop.Run(s.Clients, s.WarmUp, s.Window, (w, r) => SingleRowInsert(data, w)).ConfigureAwait(false));
            Console.WriteLine($"[load] round {round} single-row limit (.NET client): {limit[^1].PerSecond:F0}/s (load {Machine.LoadAverage()})");
            raw.Add(await ClosedLoop.Run(s.Clients, s.WarmUp, s.Window, (w, r) => RawShapeCommand(data, items[r.Next(items.Length)], r.Next(2) == 0)).ConfigureAwait(false));
            Console.WriteLine($"[load] round {round} same-shape raw SQL: {raw[^1].PerSecond:F0}/s {string.Join("; ", raw[^1].ErrorKinds.Select(k => $"{k.Value} × {k.Key}"))}");
            }

            var (cpu0, _) = probe.Read();
            var pg0 = postgres?.CpuSeconds() ?? double.NaN;
            var w0 = clock.Elapsed.TotalSeconds;
            using var sampling = new CancellationTokenSource();
            var sampler = probe.SampleRss(memory, clock, TimeSpan.FromMilliseconds(500), sampling.Token);
            lag.Start();
            commands.Add(await HttpCommands(s.WarmUp, s.Window, $"http-commands-{round}").ConfigureAwait(false));
            var (cpu1, _) = probe.Read();
            apiCpu += cpu1 - cpu0; apiWall += clock.Elapsed.TotalSeconds - w0;
            pgCpu += (postgres?.CpuSeconds() ?? double.NaN) - pg0;
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            await lag.StopAfterDrain(TimeSpan.FromSeconds(s.Smoke ? 15 : 60)).ConfigureAwait(false);
            Console.WriteLine($"[load] round {round} HTTP commands ({client}): {commands[^1].PerSecond:F0}/s, p50 {commands[^1].Latency.Percentile(50):F1} ms, p99 {commands[^1].Latency.Percentile(99):F1} ms, errors {commands[^1].Errors} {string.Join("; ", commands[^1].ErrorKinds.Select(k => $"{k.Value} × {k.Key}"))}");
        }

        var c = ClosedLoop.Combine(commands);
        if (s.HttpOnly)
        {
            Console.WriteLine($"[load] HTTP only ({client}): {c.ToJson().ToJsonString()}; api cpu {apiCpu / apiWall:F2} cores ({apiCpu / apiWall / c.PerSecond * 1000:F2} ms/command), " +
                              $"PostgreSQL cpu {pgCpu / apiWall:F2} cores ({pgCpu / apiWall / c.PerSecond * 1000:F2} ms/command); lag {lag.ToJson().ToJsonString()}");
            return;
        }
        var l = ClosedLoop.Combine(limit); var r = ClosedLoop.Combine(raw);
        figures["singleRowLimit"] = l.ToJson();
        figures["rawSameShape"] = r.ToJson();
        figures["httpCommands"] = c.ToJson();
        figures["httpClient"] = client;
        if (wrk is not null) figures["wrk"] = new JsonObject { ["version"] = wrk.Version, ["threads"] = wrk.Threads, ["windows"] = wrk.Runs };
        figures["ratioToLimit"] = Ratio(c.PerSecond, l.PerSecond);
        figures["ratioToRawShape"] = Ratio(c.PerSecond, r.PerSecond);
        figures["apiCpuCores"] = apiWall > 0 && double.IsFinite(apiCpu) ? Math.Round(apiCpu / apiWall, 2) : -1;
        // CPU per command on each side (cores busy over the HTTP rounds ÷ commands per second): what two cores can carry.
        figures["apiCpuMsPerCommand"] = apiWall > 0 && double.IsFinite(apiCpu) && c.PerSecond > 0 ? Math.Round(apiCpu / apiWall / c.PerSecond * 1000, 3) : -1;
        figures["postgresCpuCores"] = apiWall > 0 && double.IsFinite(pgCpu) ? Math.Round(pgCpu / apiWall, 2) : -1;
        figures["postgresCpuMsPerCommand"] = apiWall > 0 && double.IsFinite(pgCpu) && c.PerSecond > 0 ? Math.Round(pgCpu / apiWall / c.PerSecond * 1000, 3) : -1;
        figures["apiRssKb"] = new JsonObject
        {
            ["first"] = memory.Count > 0 ? memory[0].RssKb : -1,
            ["last"] = memory.Count > 0 ? memory[^1].RssKb : -1,
            ["max"] = memory.Count > 0 ? memory.Max(m => m.RssKb) : -1,
            ["samples"] = new JsonArray(memory.Where((_, i) => i % 4 == 0).Select(m => (JsonNode)new JsonArray(Math.Round(m.Seconds, 1), m.RssKb)).ToArray()),
        };
        figures["projectionLag"] = lag.ToJson();
        if (pgLimit.Count > 0)
        {
            var p = ClosedLoop.Combine(pgLimit);
            figures["singleRowLimitPgbench"] = p.ToJson();
            figures["ratioToPgbenchLimit"] = Ratio(c.PerSecond, p.PerSecond);
        }

        // Latency at a fixed arrival rate, a quarter of the closed loop's throughput (the .NET client, whoever measured that):
        // arrivals do not wait for answers, and each latency counts from the instant its request was due (no coordinated omission).
        var rate = Math.Max(1, c.PerSecond / 4);
        var fixedRate = await OpenLoop.Run(rate, s.WarmUp, s.Window, r => HttpCommand(http, items[r.Next(items.Length)], r.Next(2) == 0)).ConfigureAwait(false);
        Console.WriteLine($"[load] fixed rate {rate:F0}/s: p50 {fixedRate.Latency.Percentile(50):F1} ms, p99 {fixedRate.Latency.Percentile(99):F1} ms, errors {fixedRate.Errors}");
        var fixedJson = fixedRate.ToJson();
        fixedJson["targetPerSecond"] = Math.Round(rate, 1);
        figures["httpFixedRate"] = fixedJson;
        if (s.Soak > TimeSpan.Zero) figures["soak"] = await Soak(s, http, items, probe).ConfigureAwait(false);
        figures["progressionNames"] = new JsonArray(lag.Names.Select(n => (JsonNode)n).ToArray());
        PhaseResults.Write(s, figures);
    }

    /// <summary>
    /// The API's memory over a long run of the same load: RSS sampled every 2 s; flat when the least-squares slope over the
    /// second half, projected over the whole run, grows RSS by less than 10 %.
    /// </summary>
    private static async Task<JsonObject> Soak(Settings s, HttpClient http, Guid[] items, ProcessProbe probe)
    {
        Console.WriteLine($"[load] soak: {s.Soak.TotalSeconds:F0} s of HTTP commands, API memory sampled every 2 s…");
        var samples = new List<(double Seconds, long RssKb)>();
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = probe.SampleRss(samples, clock, TimeSpan.FromSeconds(2), sampling.Token);
        var run = await ClosedLoop.Run(s.Clients, TimeSpan.Zero, s.Soak, (w, r) => HttpCommand(http, items[r.Next(items.Length)], r.Next(2) == 0)).ConfigureAwait(false);
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var half = samples.Skip(samples.Count / 2).ToList();
        double slopeKbPerSecond = 0;
        if (half.Count >= 2)
        {
            var mx = half.Average(p => p.Seconds); var my = half.Average(p => (double)p.RssKb);
            var sxx = half.Sum(p => (p.Seconds - mx) * (p.Seconds - mx));
            slopeKbPerSecond = sxx > 0 ? half.Sum(p => (p.Seconds - mx) * (p.RssKb - my)) / sxx : 0;
        }
        var mean = samples.Count > 0 ? samples.Average(p => (double)p.RssKb) : 0;
        var projectedGrowth = mean > 0 ? slopeKbPerSecond * s.Soak.TotalSeconds / mean : 0;
        Console.WriteLine($"[load] soak: {run.PerSecond:F0} commands/s, errors {run.Errors}; RSS {samples.FirstOrDefault().RssKb / 1024} → {samples.LastOrDefault().RssKb / 1024} MB " +
                          $"(max {(samples.Count > 0 ? samples.Max(p => p.RssKb) / 1024 : 0)} MB), second-half slope {slopeKbPerSecond * 60 / 1024:F2} MB/min");
        return new JsonObject
        {
            ["seconds"] = Math.Round(s.Soak.TotalSeconds), ["commands"] = run.ToJson(),
            ["rssFirstKb"] = samples.FirstOrDefault().RssKb, ["rssLastKb"] = samples.LastOrDefault().RssKb,
            ["rssMaxKb"] = samples.Count > 0 ? samples.Max(p => p.RssKb) : -1,
            ["secondHalfSlopeMbPerMinute"] = Math.Round(slopeKbPerSecond * 60 / 1024, 3),
            ["projectedGrowthOverRun"] = Math.Round(projectedGrowth, 4),
            ["samples"] = new JsonArray(samples.Where((_, i) => i % 5 == 0).Select(p => (JsonNode)new JsonArray(Math.Round(p.Seconds), p.RssKb)).ToArray()),
        };
    }

    private static double Ratio(double a, double b) => b > 0 ? Math.Round(a / b, 3) : -1;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] One = Encoding.UTF8.GetBytes("{\"quantity\":1}");

    private static async Task<string?> HttpCommand(HttpClient http, Guid item, bool receipt)
    {
        using var content = new ByteArrayContent(One);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(new Uri($"/api/supply-items/{item}/{(receipt ? "receipts" : "issues")}", UriKind.Relative), content).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK) return null;
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var code = body.Contains("\"code\"", StringComparison.Ordinal) ? JsonNode.Parse(body)?["code"]?.ToString() : null;
        return $"HTTP {(int)response.StatusCode} {code}";
    }

    private static async Task<Guid[]> RegisterItems(HttpClient http, int count)
    {
        var ids = new Guid[count];
        var run = Guid.NewGuid().ToString("N")[..6];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var created = await http.PostAsync(new Uri("/api/supply-items", UriKind.Relative), JsonContent($$"""
                {"sku":"BENCH-{{run}}-{{i:D5}}","name":"Bench item {{i}}","unit":"each","category":"bench","location":"B{{i % 40}}","reorderPoint":0,"reorderQuantity":10}
                """), ct).ConfigureAwait(false);
            var body = await created.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"register failed: {(int)created.StatusCode} {body}");
            ids[i] = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
            using var stocked = await http.PostAsync(new Uri($"/api/supply-items/{ids[i]}/receipts", UriKind.Relative),
                JsonContent("{\"quantity\":1000000}"), ct).ConfigureAwait(false);
            if (!stocked.IsSuccessStatusCode) throw new InvalidOperationException($"receipt failed: {(int)stocked.StatusCode}");
        }).ConfigureAwait(false);
        return ids;
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    // ---- baselines ------------------------------------------------------------------------------------------------

    private static async Task PrepareBaselines(NpgsqlDataSource data)
    {
        await using var connection = await data.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            drop table if exists bench_single_row;
            create table bench_single_row (id bigserial primary key, client int not null, at timestamptz not null default now(), payload text not null);
            drop schema if exists {Raw} cascade;
            create schema {Raw};
            create table {Raw}.mt_streams (like {Schema}.mt_streams including all);
            create table {Raw}.mt_events (like {Schema}.mt_events including all);
            create table {Raw}.mt_doc_supplyitem (like {Schema}.mt_doc_supplyitem including all);
            create sequence {Raw}.mt_events_sequence;
            insert into {Raw}.mt_streams select * from {Schema}.mt_streams;
            insert into {Raw}.mt_doc_supplyitem select * from {Schema}.mt_doc_supplyitem;
            """, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>pgbench's script for the single-row limit: the same INSERT as the .NET client's, one per transaction.</summary>
    private static async Task<string> SingleRowScript(string work)
    {
        var path = Path.Combine(work, "single-row.pgbench.sql");
        await File.WriteAllTextAsync(path, "insert into bench_single_row (client, payload) values (:client_id, 'received 1 unit');\n").ConfigureAwait(false);
        return path;
    }

    private static async Task<string?> SingleRowInsert(NpgsqlDataSource data, int worker)
    {
        await using var command = data.CreateCommand("insert into bench_single_row (client, payload) values ($1, $2)");
        command.Parameters.AddWithValue(worker);
        command.Parameters.AddWithValue("received 1 unit");
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// What one command does, by hand: lock the stream row and read the snapshot (one round trip), decide, then insert
    /// the event, bump the stream version and upsert the snapshot (one round trip), commit.
    /// </summary>
    private static async Task<string?> RawShapeCommand(NpgsqlDataSource data, Guid item, bool receipt)
    {
        await using var connection = await data.OpenConnectionAsync().ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
        long version; string snapshot;
        await using (var read = new NpgsqlBatch(connection, tx))
        {
            read.BatchCommands.Add(new NpgsqlBatchCommand($"select version from {Raw}.mt_streams where id = $1 and tenant_id = $2 for update")
            { Parameters = { new() { Value = item }, new() { Value = Tenant } } });
            read.BatchCommands.Add(new NpgsqlBatchCommand($"select data::text from {Raw}.mt_doc_supplyitem where id = $1 and tenant_id = $2")
            { Parameters = { new() { Value = item }, new() { Value = Tenant } } });
            await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
            if (!await reader.ReadAsync().ConfigureAwait(false)) return "missing stream";
            version = reader.GetInt64(0);
            await reader.NextResultAsync().ConfigureAwait(false);
            if (!await reader.ReadAsync().ConfigureAwait(false)) return "missing snapshot";
            snapshot = reader.GetString(0);
        }
        var doc = JsonNode.Parse(snapshot)!.AsObject();
        var onHand = doc["onHand"]!.GetValue<int>();
        if (!receipt && onHand < 1) return "insufficient-stock";
        doc["onHand"] = onHand + (receipt ? 1 : -1);
        var next = version + 1;
        var eventJson = receipt
            ? $$"""{"supplyItemId":"{{item}}","quantity":1,"reorderId":null,"unitCost":null}"""
            : $$"""{"supplyItemId":"{{item}}","quantity":1,"departmentId":null,"employeeId":null,"purpose":null,"issuedOn":"{{DateTime.UtcNow:yyyy-MM-dd}}"}""";
        await using (var write = new NpgsqlBatch(connection, tx))
        {
            write.BatchCommands.Add(new NpgsqlBatchCommand($"""
                insert into {Raw}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, user_name)
                values (nextval('{Raw}.mt_events_sequence'), $1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10)
                """)
            {
                Parameters =
                {
                    new() { Value = Guid.CreateVersion7() }, new() { Value = item }, new() { Value = next },
                    new() { Value = eventJson, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    new() { Value = receipt ? "stock_received_v2" : "stock_issued_v1" }, new() { Value = Tenant },
                    new() { Value = receipt ? "BackOffice.Domain.Inventory.StockReceived, BackOffice.Domain" : "BackOffice.Domain.Inventory.StockIssued, BackOffice.Domain" },
                    new() { Value = Guid.NewGuid().ToString() }, new() { Value = Guid.NewGuid().ToString() }, new() { Value = "demo-clerk" },
                },
            });
            write.BatchCommands.Add(new NpgsqlBatchCommand($"update {Raw}.mt_streams set version = $1, timestamp = now() where id = $2 and tenant_id = $3")
            { Parameters = { new() { Value = next }, new() { Value = item }, new() { Value = Tenant } } });
            write.BatchCommands.Add(new NpgsqlBatchCommand($"""
                insert into {Raw}.mt_doc_supplyitem (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
                values ($1, $2, $3, now(), $4, 'BackOffice.Domain.Inventory.SupplyItem')
                on conflict (tenant_id, id) do update set data = excluded.data, mt_last_modified = excluded.mt_last_modified, mt_version = excluded.mt_version
                """)
            {
                Parameters = { new() { Value = Tenant }, new() { Value = item }, new() { Value = doc.ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = next } },
            });
            await write.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await tx.CommitAsync().ConfigureAwait(false);
        return null;
    }
}

/// <summary>
/// Projection lag: every 10 ms reads the highest committed event sequence and each async projection's progress
/// (<c>mt_event_progression</c>). For each tick at which new events became visible (≈ their acknowledgement, within the
/// polling period), the lag is the time until a later tick shows the projection at or past that sequence.
/// </summary>
internal sealed class LagMonitor(string connection)
{
    private readonly List<(double T, long Head, Dictionary<string, long> Progress)> ticks = [];
    private readonly Dictionary<string, Latencies> lags = new() { ["AuditTrail"] = new(), ["InventoryDashboard"] = new() };
    private readonly Dictionary<string, long> unresolved = new() { ["AuditTrail"] = 0, ["InventoryDashboard"] = 0 };
    private CancellationTokenSource? stop;
    private Task? loop;
    private volatile bool loadDone;
    public HashSet<string> Names { get; } = [];

    public void Start()
    {
        ticks.Clear();
        loadDone = false;
        stop = new CancellationTokenSource();
        loop = Task.Run(() => Poll(stop.Token));
    }

    private async Task Poll(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (!ct.IsCancellationRequested)
        {
            await using (var cmd = new NpgsqlCommand(
                "select name, last_seq_id, (select coalesce(max(seq_id), 0) from backoffice.mt_events) from backoffice.mt_event_progression", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                var progress = new Dictionary<string, long>();
                long head = 0;
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var name = reader.GetString(0);
                    Names.Add(name);
                    var key = lags.Keys.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal));
                    if (key is not null) progress[key] = reader.GetInt64(1);
                    head = reader.GetInt64(2);
                }
                ticks.Add((clock.Elapsed.TotalMilliseconds, head, progress));
                if (loadDone && lags.Keys.All(k => progress.GetValueOrDefault(k) >= head)) break;
            }
            try { await Task.Delay(10, ct).ConfigureAwait(false); } catch (OperationCanceledException) { break; }
        }
    }

    public async Task StopAfterDrain(TimeSpan drain)
    {
        loadDone = true;
        stop!.CancelAfter(drain);
        try { await loop!.ConfigureAwait(false); } catch (OperationCanceledException) { }
        for (var i = 1; i < ticks.Count; i++)
        {
            if (ticks[i].Head <= ticks[i - 1].Head) continue;
            foreach (var key in lags.Keys)
            {
                var j = i;
                while (j < ticks.Count && ticks[j].Progress.GetValueOrDefault(key) < ticks[i].Head) j++;
                if (j < ticks.Count) lags[key].Add(ticks[j].T - ticks[i].T);
                else unresolved[key]++;
            }
        }
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, l) in lags)
        {
            var o = l.ToJson();
            o["notCaughtUpWithinDrain"] = unresolved[key];
            json[key] = o;
        }
        return json;
    }
}
