using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Bench;

/// <summary>Command-line settings shared by every phase.</summary>
internal sealed record Settings(string Phase, bool Smoke, string Connection, Uri? Api, int? ApiPid, string WorkDir, string? ResultsDir)
{
    public int Clients { get; init; } = 32;
    public TimeSpan Window => Smoke ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(Seconds ?? 20);
    public TimeSpan WarmUp => Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
    /// <summary>Unmeasured load a freshly started API gets first, so its JIT (tiered compilation, dynamic PGO) has settled.</summary>
    public TimeSpan ApiWarmUp => TimeSpan.FromSeconds(ApiWarmUpSeconds ?? (Smoke ? 2 : 60));
    /// <summary><c>--api-warmup-seconds</c>: a longer warm-up shows the steady state once tiered compilation has settled.</summary>
    public int? ApiWarmUpSeconds { get; init; }
    public int Rounds => Smoke ? 1 : 2;
    public int? Seconds { get; init; }
    /// <summary>Length of the soak (memory flatness) run: 10 minutes in a full run, 5 s in smoke, <c>--soak-seconds</c>.</summary>
    public int? SoakSecondsOverride { get; init; }
    public TimeSpan Soak => TimeSpan.FromSeconds(SoakSecondsOverride ?? (Smoke ? 5 : 600));
    /// <summary>Profiling aid: the load phase runs only the HTTP commands (no baselines, no ratios).</summary>
    public bool HttpOnly { get; init; }
    /// <summary>A/B aid (<c>--load-only</c>): the run has only the load phase, and the report expects no other.</summary>
    public bool LoadOnly { get; init; }
    /// <summary>The pgbench binary (the load phase's single-row limit, the ledger phase's same-shape raw SQL).</summary>
    public string? PgBench { get; init; }
    /// <summary>
    /// The wrk binary (<c>--wrk</c>): when given, the load phase's closed-loop HTTP commands are run by wrk, a C client that
    /// costs the machine little, instead of the benchmark's own .NET client (the fallback).
    /// </summary>
    public string? Wrk { get; init; }
    public int Items => Smoke ? 64 : 1_000;
    public long LibraryEvents { get; init; } = 1_000_000;
    public long TargetEvents => Smoke ? 20_000 : LibraryEvents;
    public int[] StreamLengths => Smoke ? [10, 100, 1_000] : [10, 100, 1_000, 10_000, 100_000];

    public static Settings Parse(string[] args)
    {
        string Arg(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        }
        var phase = args.Length > 0 ? args[0] : throw new ArgumentException("usage: BackOffice.Bench load|ledger|library|rebuild|reads|report [options]");
        var api = Arg("--api", "");
        var pid = Arg("--api-pid", "");
        return new Settings(phase, args.Contains("--smoke"), Arg("--connection", ""), api.Length > 0 ? new Uri(api) : null,
            pid.Length > 0 ? int.Parse(pid, CultureInfo.InvariantCulture) : null, Arg("--work"), Arg("--results", "") is { Length: > 0 } r ? r : null)
        {
            HttpOnly = args.Contains("--http-only"),
            ApiWarmUpSeconds = Arg("--api-warmup-seconds", "") is { Length: > 0 } w ? int.Parse(w, CultureInfo.InvariantCulture) : null,
            LoadOnly = args.Contains("--load-only"),
            PgBench = Arg("--pgbench", "") is { Length: > 0 } pg ? pg : null,
            Wrk = Arg("--wrk", "") is { Length: > 0 } wrk ? wrk : null,
            SoakSecondsOverride = Arg("--soak-seconds", "") is { Length: > 0 } soak ? int.Parse(soak, CultureInfo.InvariantCulture) : null,
            Seconds = Arg("--seconds", "") is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : null,
            LibraryEvents = Arg("--events", "") is { Length: > 0 } e ? long.Parse(e, CultureInfo.InvariantCulture) : 1_000_000,
        };
    }
}

/// <summary>Latencies of one measurement, in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> values = [];
    public void Add(double ms) { lock (values) values.Add(ms); }
    public void AddRange(IEnumerable<double> ms) { lock (values) values.AddRange(ms); }
    public int Count { get { lock (values) return values.Count; } }
    public double[] Snapshot() { lock (values) return values.ToArray(); }
    public double Percentile(double p)
    {
        lock (values)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.ToArray(); Array.Sort(sorted);
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
    public JsonObject ToJson() => new() { ["count"] = Count, ["p50Ms"] = R(Percentile(50)), ["p99Ms"] = R(Percentile(99)), ["maxMs"] = R(Percentile(100)) };
    public static double R(double v) => double.IsNaN(v) ? -1 : Math.Round(v, 2);
}

/// <summary>Closed-loop load: N workers each run one operation after another until the window ends.</summary>
internal static class ClosedLoop
{
    public sealed record Outcome(long Operations, long Errors, double Seconds, Latencies Latency, Dictionary<string, long> ErrorKinds)
    {
        /// <summary>Successful operations per second.</summary>
        public double PerSecond => (Operations - Errors) / Seconds;
        public JsonObject ToJson()
        {
            var json = Latency.ToJson();
            json["operations"] = Operations; json["errors"] = Errors; json["seconds"] = Math.Round(Seconds, 2);
            json["perSecond"] = Math.Round(PerSecond, 1);
            json["errorKinds"] = new JsonObject(ErrorKinds.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value)));
            return json;
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> (worker index, random) on <paramref name="workers"/> workers for
    /// <paramref name="window"/> after <paramref name="warmUp"/> (not counted). The operation returns null on success or an error kind.
    /// </summary>
    public static async Task<Outcome> Run(int workers, TimeSpan warmUp, TimeSpan window, Func<int, Random, Task<string?>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(window.TotalSeconds * Stopwatch.Frequency);
        long ops = 0, errors = 0;
        var latency = new Latencies();
        var kinds = new Dictionary<string, long>();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + 1);
            var mine = new List<double>(4096);
            long myOps = 0, myErrors = 0;
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= end) break;
                string? error;
                try { error = await operation(w, random).ConfigureAwait(false); }
                catch (Exception ex) { error = ex.GetType().Name + ": " + ex.Message.Split('\n')[0]; }
                var t1 = Stopwatch.GetTimestamp();
                if (t0 < measureFrom || t1 > end) continue;
                myOps++;
                mine.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                if (error is not null)
                {
                    myErrors++;
                    lock (kinds) kinds[error] = kinds.GetValueOrDefault(error) + 1;
                }
            }
            latency.AddRange(mine);
            Interlocked.Add(ref ops, myOps);
            Interlocked.Add(ref errors, myErrors);
        })).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return new Outcome(ops, errors, window.TotalSeconds, latency, kinds);
    }

    public static Outcome Combine(IReadOnlyList<Outcome> rounds)
    {
        var latency = new Latencies();
        var kinds = new Dictionary<string, long>();
        foreach (var r in rounds)
        {
            latency.AddRange(r.Latency.Snapshot());
            foreach (var k in r.ErrorKinds) kinds[k.Key] = kinds.GetValueOrDefault(k.Key) + k.Value;
        }
        return new Outcome(rounds.Sum(r => r.Operations), rounds.Sum(r => r.Errors), rounds.Sum(r => r.Seconds), latency, kinds);
    }
}

/// <summary>
/// Open-loop load: operations start at a fixed rate whether or not earlier ones have answered; each latency is measured
/// from the instant the operation was due, so a stall shows in the figures instead of slowing the arrivals.
/// </summary>
internal static class OpenLoop
{
    public static async Task<ClosedLoop.Outcome> Run(double perSecond, TimeSpan warmUp, TimeSpan window, Func<Random, Task<string?>> operation)
    {
        var interval = Stopwatch.Frequency / perSecond;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var latency = new Latencies();
        var kinds = new Dictionary<string, long>();
        long ops = 0, errors = 0;
        var random = new Random(4_242);
        var running = new List<Task>();
        for (long n = 0; ; n++)
        {
            var due = start + (long)(n * interval);
            if (due >= end) break;
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency)).ConfigureAwait(false);
            var seed = random.Next();
            running.Add(Task.Run(async () =>
            {
                string? error;
                try { error = await operation(new Random(seed)).ConfigureAwait(false); }
                catch (Exception ex) { error = ex.GetType().Name + ": " + ex.Message.Split('\n')[0]; }
                if (due < measureFrom) return;
                latency.Add((Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency);
                Interlocked.Increment(ref ops);
                if (error is null) return;
                Interlocked.Increment(ref errors);
                lock (kinds) kinds[error] = kinds.GetValueOrDefault(error) + 1;
            }));
        }
        await Task.WhenAll(running).ConfigureAwait(false);
        return new ClosedLoop.Outcome(ops, errors, window.TotalSeconds, latency, kinds);
    }
}

/// <summary>CPU and memory of another process, from /proc.</summary>
internal sealed class ProcessProbe(int pid)
{
    public (double CpuSeconds, long RssKb) Read()
    {
        if (ProcStat.Read(pid) is not { } stat) return (double.NaN, -1);
        try
        {
            var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return (stat.Own, long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
        }
        catch (IOException) { return (double.NaN, -1); }
    }

    /// <summary>Adds the process's RSS to <paramref name="into"/> every <paramref name="every"/> until <paramref name="stop"/>.</summary>
    public Task SampleRss(List<(double Seconds, long RssKb)> into, Stopwatch clock, TimeSpan every, CancellationToken stop) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var (_, rss) = Read();
            lock (into) into.Add((clock.Elapsed.TotalSeconds, rss));
            try { await Task.Delay(every, stop).ConfigureAwait(false); } catch (OperationCanceledException) { }
        }
    }, CancellationToken.None);
}

/// <summary>
/// CPU of the whole PostgreSQL server (postmaster, its backends, the WAL writer, checkpointer…), from /proc: the
/// postmaster's own and reaped children's time plus the time of every child still alive. Found from a backend's parent.
/// </summary>
internal sealed class PostgresProbe(int postmaster)
{

    public static async Task<PostgresProbe?> Find(string connection)
    {
        await using var c = new Npgsql.NpgsqlConnection(connection);
        await c.OpenAsync().ConfigureAwait(false);
        await using var command = new Npgsql.NpgsqlCommand("select pg_backend_pid()", c);
        var backend = (int)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        return ProcStat.Read(backend) is { } stat ? new PostgresProbe(stat.Parent) : null;
    }

    /// <summary>CPU seconds the server has used so far (NaN when /proc cannot be read).</summary>
    public double CpuSeconds()
    {
        if (ProcStat.Read(postmaster) is not { } main) return double.NaN;
        var total = main.Own + main.Children;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == postmaster) continue;
            if (ProcStat.Read(pid) is { } child && child.Parent == postmaster) total += child.Own;
        }
        return total;
    }

}

/// <summary>A process's parent and CPU seconds (its own; its reaped children's), from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
internal sealed record ProcStat(int Parent, double Own, double Children)
{
    private const double Tick = 100.0;   // USER_HZ on Linux

    public static ProcStat? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double T(int i) => long.Parse(f[i], CultureInfo.InvariantCulture) / Tick;
            return new ProcStat(int.Parse(f[1], CultureInfo.InvariantCulture), T(11) + T(12), T(13) + T(14));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}

/// <summary>The machine's load averages (the figures are only comparable within one run on a shared machine).</summary>
internal static class Machine
{
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
    public static JsonObject Describe() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["loadAverage"] = LoadAverage(),
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["dotnet"] = Environment.Version.ToString(),
    };
}

/// <summary>Each phase writes its figures to <c>&lt;work&gt;/&lt;phase&gt;.json</c>; the report merges them.</summary>
internal static class PhaseResults
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    public static void Write(Settings settings, JsonObject figures)
    {
        figures["loadAverageAtEnd"] = Machine.LoadAverage();
        File.WriteAllText(Path.Combine(settings.WorkDir, settings.Phase + ".json"), figures.ToJsonString(Indented));
    }
}
