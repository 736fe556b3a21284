using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace BackOffice.Bench;

/// <summary>
/// <c>wrk</c> (a C client with LuaJIT scripting) runs the load phase's closed-loop HTTP commands, as issue 24 measured
/// them: a client that costs the machine little, so the API and PostgreSQL keep the two cores a .NET client would share.
/// Each request POSTs <c>{"quantity":1}</c> to a random item's <c>receipts</c> or <c>issues</c> (50/50), with the clerk's key.
/// The script's <c>done</c> prints one JSON line (<c>BENCH-JSON …</c>): requests, duration, errors, latency percentiles
/// (µs, after wrk's own correction for coordinated omission) and, for the answers above 399, their status and problem
/// code. The percentiles become a <see cref="ClosedLoop.Outcome"/>, so that rounds combine and report as the .NET
/// client's do.
/// </summary>
internal sealed class WrkRunner
{
    private const string Marker = "BENCH-JSON ";

    /// <summary>Percentiles asked of wrk: every 1 % up to 99, then every 0.1 % and 0.01 % (the tail), then the maximum.</summary>
    private static readonly double[] Grid =
    [
        .. Enumerable.Range(1, 99).Select(p => (double)p),
        .. Enumerable.Range(1, 9).Select(k => 99 + k / 10.0),
        .. Enumerable.Range(1, 9).Select(k => 99.9 + k / 100.0),
        100,
    ];

    private readonly string wrk;
    private readonly Settings s;
    private readonly Uri api;
    private readonly string dir;
    private readonly string itemsFile;
    private int seed;

    private WrkRunner(string wrk, Settings s, Uri api, string dir, string itemsFile, string version)
    {
        this.wrk = wrk; this.s = s; this.api = api; this.dir = dir; this.itemsFile = itemsFile; Version = version;
    }

    /// <summary>wrk's version line (<c>wrk -v</c>).</summary>
    public string Version { get; }

    /// <summary>Threads wrk runs: one per core, as pgbench's <c>-j</c>.</summary>
    public int Threads => Math.Max(1, Math.Min(s.Clients, Environment.ProcessorCount));

    /// <summary>Each measured window's own figures, as wrk gave them (percentiles in µs, not combined).</summary>
    public JsonArray Runs { get; } = [];

    /// <summary>Writes the items' ids to the work directory, where each run's script reads them.</summary>
    public static async Task<WrkRunner> Create(string wrk, Settings s, Uri api, IReadOnlyList<Guid> items)
    {
        var dir = Path.Combine(s.WorkDir, "wrk");
        Directory.CreateDirectory(dir);
        var itemsFile = Path.Combine(dir, "items.txt");
        await File.WriteAllLinesAsync(itemsFile, items.Select(i => i.ToString())).ConfigureAwait(false);
        var (_, output) = await Execute(wrk, ["-v"]).ConfigureAwait(false);
        // "wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer": the name and version.
        var version = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "wrk";
        if (version.IndexOf(" [", StringComparison.Ordinal) is > 0 and var end) version = version[..end];
        return new WrkRunner(wrk, s, api, dir, itemsFile, version);
    }

    /// <summary>
    /// Runs wrk for <paramref name="warmUp"/> (figures discarded), then for <paramref name="window"/>: the window's outcome,
    /// like <see cref="ClosedLoop.Run"/>'s warm-up and window.
    /// </summary>
    public async Task<ClosedLoop.Outcome> Run(TimeSpan warmUp, TimeSpan window, string label)
    {
        if (warmUp > TimeSpan.Zero) await RunOnce(warmUp, label + "-warmup").ConfigureAwait(false);
        var (outcome, summary) = await RunOnce(window, label).ConfigureAwait(false);
        summary.Remove("quantilesUs");
        summary["label"] = label;
        Runs.Add(summary);
        return outcome;
    }

    private async Task<(ClosedLoop.Outcome Outcome, JsonObject Summary)> RunOnce(TimeSpan length, string label)
    {
        var script = Path.Combine(dir, label + ".lua");
        await File.WriteAllTextAsync(script, Script(++seed)).ConfigureAwait(false);
        var seconds = Math.Max(1, (int)Math.Ceiling(length.TotalSeconds));
        var (exit, output) = await Execute(wrk,
        [
            "-t" + Threads.ToString(CultureInfo.InvariantCulture), "-c" + s.Clients.ToString(CultureInfo.InvariantCulture),
            "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "10s", "-s", script, api.GetLeftPart(UriPartial.Authority) + "/",
        ]).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(dir, label + ".txt"), output).ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (exit != 0 || line is null) throw new InvalidOperationException($"wrk failed ({exit}): {output}");
        var summary = JsonNode.Parse(line[Marker.Length..])!.AsObject();
        return (ToOutcome(summary), summary);
    }

    /// <summary>
    /// The window's outcome: completed requests plus socket errors are the operations; answers above 399 and socket errors
    /// (connect, read, write, timeout) the errors; the latencies a distribution rebuilt from wrk's percentiles (one value
    /// per completed request, each percentile's value for its share, the last one the maximum), exact at the percentiles
    /// asked, so that rounds combine.
    /// </summary>
    private static ClosedLoop.Outcome ToOutcome(JsonObject summary)
    {
        long L(JsonNode? n) => n?.GetValue<long>() ?? 0;
        var requests = L(summary["requests"]);
        var errors = summary["errors"]!;
        var kinds = new Dictionary<string, long>();
        foreach (var (kind, count) in summary["errorKinds"]!.AsObject()) kinds[kind] = L(count);
        var unexplained = L(errors["status"]) - kinds.Values.Sum();
        if (unexplained > 0) kinds["HTTP status above 399 (wrk)"] = unexplained;
        foreach (var socket in new[] { "connect", "read", "write", "timeout" })
            if (L(errors[socket]) is > 0 and var n) kinds[$"wrk socket {socket} error"] = n;

        var operations = requests + L(errors["connect"]) + L(errors["read"]) + L(errors["write"]);
        var failed = Math.Min(operations, L(errors["status"]) + L(errors["connect"]) + L(errors["read"]) + L(errors["write"]) + L(errors["timeout"]));
        var latency = new Latencies();
        long done = 0;
        foreach (var point in summary["quantilesUs"]!.AsArray())
        {
            var (p, us) = (point![0]!.GetValue<double>(), point[1]!.GetValue<double>());
            // The last value is the maximum's own, however few the requests.
            var upTo = p >= 100 ? requests : Math.Min(requests - 1, (long)Math.Ceiling(Math.Round(requests * p / 100, 6)));
            if (upTo > done) latency.AddRange(Enumerable.Repeat(us / 1000.0, (int)(upTo - done)));
            done = Math.Max(done, upTo);
        }
        var seconds = L(summary["durationUs"]) / 1e6;
        return new ClosedLoop.Outcome(operations, failed, seconds > 0 ? seconds : 1, latency, kinds);
    }

    private static async Task<(int Exit, string Output)> Execute(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary>
    /// The Lua script: every request is prepared in <c>init</c> (two per item), so a request costs one random pick; each
    /// thread seeds its own generator; <c>response</c> only looks at answers above 399.
    /// </summary>
    private string Script(int runSeed)
    {
        var grid = string.Join(", ", Grid.Select(p => p.ToString("0.##", CultureInfo.InvariantCulture)));
        return $$$"""
            -- Written by the benchmark's load phase (bench/BackOffice.Bench/WrkRunner.cs): POST {"quantity":1} to a random
            -- item's receipts or issues (50/50), then one JSON line with the figures.
            local items_file = "{{{itemsFile.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}}}"
            local run_seed = {{{runSeed.ToString(CultureInfo.InvariantCulture)}}}
            local grid = { {{{grid}}} }
            local threads = {}
            local prepared, count

            function setup(thread)
               table.insert(threads, thread)
               thread:set("id", #threads)
            end

            function init(args)
               math.randomseed(run_seed * 1000 + id * 7919)
               local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = "{{{BenchKeys.Clerk}}}" }
               local body = '{"quantity":1}'
               prepared = {}
               for line in io.lines(items_file) do
                  if #line > 0 then
                     prepared[#prepared + 1] = wrk.format("POST", "/api/supply-items/" .. line .. "/receipts", headers, body)
                     prepared[#prepared + 1] = wrk.format("POST", "/api/supply-items/" .. line .. "/issues", headers, body)
                  end
               end
               count = #prepared
               failures = {}
            end

            function request()
               return prepared[math.random(count)]
            end

            function response(status, headers, body)
               if status > 399 then
                  local code = body:match('"code"%s*:%s*"([%w%-_%.]+)"')
                  local kind = "HTTP " .. status .. " " .. (code or "")
                  failures[kind] = (failures[kind] or 0) + 1
               end
            end

            function done(summary, latency, requests)
               local kinds, parts, quantiles = {}, {}, {}
               for _, thread in ipairs(threads) do
                  for kind, n in pairs(thread:get("failures") or {}) do kinds[kind] = (kinds[kind] or 0) + n end
               end
               for kind, n in pairs(kinds) do parts[#parts + 1] = string.format('"%s":%d', kind, n) end
               for _, p in ipairs(grid) do
                  quantiles[#quantiles + 1] = string.format("[%.2f,%d]", p, p < 100 and latency:percentile(p) or latency.max)
               end
               local e = summary.errors
               io.write(string.format('{{{Marker}}}{"requests":%d,"durationUs":%d,"bytes":%d,' ..
                  '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
                  '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"p99.9":%d,"max":%d,"mean":%.1f},' ..
                  '"quantilesUs":[%s],"errorKinds":{%s}}\n',
                  summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
                  latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean,
                  table.concat(quantiles, ","), table.concat(parts, ",")))
            end

            """;
    }
}
