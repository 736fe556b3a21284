using System.Globalization;
using System.Text.Json.Nodes;

namespace BackOffice.Bench;

/// <summary>Merges the phases' figures, prints the table and writes <c>bench/results/&lt;date&gt;.json</c>.</summary>
internal static class Report
{
    public static int Run(Settings s)
    {
        var all = new JsonObject
        {
            ["date"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["smoke"] = s.Smoke,
            ["machine"] = Machine.Describe(),
        };
        var missing = new List<string>();
        foreach (var phase in s.LoadOnly ? ["load"] : new[] { "load", "ledger", "library", "reads" })
        {
            var file = Path.Combine(s.WorkDir, phase + ".json");
            if (File.Exists(file)) all[phase] = JsonNode.Parse(File.ReadAllText(file));
            else missing.Add(phase);
        }

        double D(string path) => Get(all, path) is { } n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number ? n.GetValue<double>() : double.NaN;
        var rows = new List<(string Figure, string Value, string Goal, bool? Met)>();
        void Row(string figure, double value, string unit, string goal = "", Func<double, bool>? met = null)
            => rows.Add((figure, double.IsNaN(value) ? "n/a" : value.ToString(value >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture) + unit, goal,
                met is null || double.IsNaN(value) ? null : met(value)));

        Row("single-row INSERT limit, pgbench (32 clients)", D("load.singleRowLimitPgbench.perSecond"), " tx/s");
        Row("single-row INSERT limit, .NET client (32 clients)", D("load.singleRowLimit.perSecond"), " tx/s");
        Row("same-shape raw SQL (32 clients)", D("load.rawSameShape.perSecond"), " cmd/s");
        Row($"HTTP commands (32 clients, {Get(all, "load.httpClient")?.ToString() ?? ".NET"})", D("load.httpCommands.perSecond"), " cmd/s");
        Row("  ratio to single-row limit (pgbench)", D("load.ratioToPgbenchLimit"), "", "≥ 0.15", v => v >= 0.15);
        Row("  ratio to single-row limit (.NET client)", D("load.ratioToLimit"), "");
        Row("  ratio to same-shape raw SQL", D("load.ratioToRawShape"), "", "≥ 0.5", v => v >= 0.5);
        Row("  p50 latency", D("load.httpCommands.p50Ms"), " ms");
        Row("  p99 latency", D("load.httpCommands.p99Ms"), " ms", "< 50 ms", v => v < 50);
        Row("  errors", D("load.httpCommands.errors"), "", "0", v => v == 0);
        Row("HTTP at a fixed rate (¼ of the above)", D("load.httpFixedRate.targetPerSecond"), " cmd/s");
        Row("  fixed rate p50", D("load.httpFixedRate.p50Ms"), " ms");
        Row("  fixed rate p99", D("load.httpFixedRate.p99Ms"), " ms", "< 10 ms", v => v < 10);
        Row("  fixed rate errors", D("load.httpFixedRate.errors"), "", "0", v => v == 0);
        Row("  raw SQL p50 / p99", D("load.rawSameShape.p50Ms"), " ms / " + D("load.rawSameShape.p99Ms").ToString("0.##", CultureInfo.InvariantCulture) + " ms");
        Row("  single-row p50 / p99", D("load.singleRowLimit.p50Ms"), " ms / " + D("load.singleRowLimit.p99Ms").ToString("0.##", CultureInfo.InvariantCulture) + " ms");
        Row("  API CPU (cores busy)", D("load.apiCpuCores"), "");
        Row("  API CPU per command", D("load.apiCpuMsPerCommand"), " ms");
        Row("  PostgreSQL CPU (cores busy)", D("load.postgresCpuCores"), "");
        Row("  PostgreSQL CPU per command", D("load.postgresCpuMsPerCommand"), " ms (incl. projections, chain)");
        Row("  API RSS first → last (max)", D("load.apiRssKb.first") / 1024, $" MB → {D("load.apiRssKb.last") / 1024:F0} MB ({D("load.apiRssKb.max") / 1024:F0} MB)", "flat",
            _ => D("load.apiRssKb.last") <= D("load.apiRssKb.first") * 1.25 + 32 * 1024);
        Row("soak: seconds of HTTP load", D("load.soak.seconds"), " s");
        Row("  soak: commands / errors", D("load.soak.commands.perSecond"), $" cmd/s / {D("load.soak.commands.errors"):F0} errors");
        Row("  soak: API RSS first → last (max)", D("load.soak.rssFirstKb") / 1024, $" MB → {D("load.soak.rssLastKb") / 1024:F0} MB ({D("load.soak.rssMaxKb") / 1024:F0} MB)");
        Row("  soak: RSS slope, second half", D("load.soak.secondHalfSlopeMbPerMinute"), " MB/min", "flat (10 min)",
            _ => D("load.soak.projectedGrowthOverRun") < 0.10 && D("load.soak.seconds") >= 600);
        Row("projection lag audit trail p50", D("load.projectionLag.AuditTrail.p50Ms"), " ms");
        Row("projection lag audit trail p99", D("load.projectionLag.AuditTrail.p99Ms"), " ms", "< 1000 ms", v => v < 1000);
        Row("projection lag dashboard p50", D("load.projectionLag.InventoryDashboard.p50Ms"), " ms");
        Row("projection lag dashboard p99", D("load.projectionLag.InventoryDashboard.p99Ms"), " ms", "< 1000 ms", v => v < 1000);
        Row("ledger: same-shape raw SQL (pgbench)", D("ledger.rawSameShape.perSecond"), " entries/s");
        Row("ledger: HTTP entries, one hot account", D("ledger.httpEntries.perSecond"), " entries/s");
        Row("  ratio to same-shape raw SQL", D("ledger.ratioToRawShape"), "");
        Row("  HTTP p50 / p99", D("ledger.httpEntries.p50Ms"), " ms / " + D("ledger.httpEntries.p99Ms").ToString("0.##", CultureInfo.InvariantCulture) + " ms");
        Row("  raw SQL p50 / p99", D("ledger.rawSameShape.p50Ms"), " ms / " + D("ledger.rawSameShape.p99Ms").ToString("0.##", CultureInfo.InvariantCulture) + " ms");
        Row("  conflict answers (409)", D("ledger.conflictAnswers"), "", "0", v => v == 0);
        Row("  deadlocks (pg_stat_database)", D("ledger.deadlocks"), "", "0", v => v == 0);
        Row("  other errors", D("ledger.httpEntries.errors") - D("ledger.conflictAnswers"), "", "0", v => v == 0);
        rows.Add(("  cash balance = acknowledged entries", Get(all, "ledger.balanceMatchesAcknowledged")?.ToString() ?? "n/a", "true",
            Get(all, "ledger.balanceMatchesAcknowledged") is { } matches ? matches.GetValue<bool>() : null));
        Row("library: single-event commands", D("library.singleEventCommands.perSecond"), " events/s");
        Row("library: batches of 1,000", D("library.batches.eventsPerSecond"), " events/s");
        Row("events stored for rebuild / reads", D("library.eventsStored"), "");
        Row("rebuild audit trail", D("library.rebuild.AuditTrail.eventsPerSecond"), " events/s", "≥ 20,000", v => v >= 20_000);
        Row("rebuild inventory dashboard", D("library.rebuild.InventoryDashboard.eventsPerSecond"), " events/s", "≥ 20,000", v => v >= 20_000);
        if (Get(all, "library.aggregateLoad") is JsonArray lengths)
            foreach (var l in lengths)
                rows.Add(($"aggregate load, stream of {l!["streamLength"]}", $"{l["fetchForWritingSnapshotP50Ms"]} ms (live fold {l["liveAggregationP50Ms"]} ms)", "flat", null));
        Row("GET one supply item p50", D("reads.getSupplyItem.p50Ms"), " ms");
        Row("GET one supply item p99", D("reads.getSupplyItem.p99Ms"), " ms", "< 10 ms", v => v < 10);
        Row("GET dashboard p50", D("reads.getDashboard.p50Ms"), " ms");
        Row("GET dashboard p99", D("reads.getDashboard.p99Ms"), " ms");

        var w1 = Math.Max(34, rows.Max(r => r.Figure.Length)); var w2 = Math.Max(12, rows.Max(r => r.Value.Length));
        Console.WriteLine();
        Console.WriteLine($"BackOffice benchmark {(s.Smoke ? "(smoke) " : "")}— {Environment.ProcessorCount} cores, load average {Get(all, "load.machineAtStart.loadAverage")} at start, {Machine.LoadAverage()} now");
        Console.WriteLine($"| {"figure".PadRight(w1)} | {"value".PadRight(w2)} | {"goal",-9} | met |");
        Console.WriteLine($"|{new string('-', w1 + 2)}|{new string('-', w2 + 2)}|-----------|-----|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Figure.PadRight(w1)} | {r.Value.PadRight(w2)} | {r.Goal,-9} | {(r.Met is null ? "" : r.Met.Value ? "yes" : "NO"),-3} |");

        var crashes = new List<string>(missing.Select(m => $"phase {m} produced no figures"));
        foreach (var path in new[] { "load.httpCommands", "load.soak.commands", "load.rawSameShape", "load.singleRowLimit", "reads.getSupplyItem", "reads.getDashboard", "library.singleEventCommands", "ledger.httpEntries", "ledger.rawSameShape" })
            if (Get(all, path + ".errorKinds") is JsonObject kinds)
                foreach (var (kind, count) in kinds)
                    if (!kind.StartsWith("HTTP 4", StringComparison.Ordinal)) crashes.Add($"{path}: {count} × {kind}");
        all["failures"] = new JsonArray(crashes.Select(c => (JsonNode)c).ToArray());

        if (s.ResultsDir is { } dir)
        {
            Directory.CreateDirectory(dir);
            var name = (s.Smoke ? "smoke-" : "") + DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture) + ".json";
            File.WriteAllText(Path.Combine(dir, name), all.ToJsonString(PhaseResults.Indented));
            Console.WriteLine($"figures written to {Path.Combine(dir, name)}");
        }
        foreach (var c in crashes) Console.WriteLine("FAILURE: " + c);
        return crashes.Count == 0 ? 0 : 1;
    }

    private static JsonNode? Get(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }
}
