using System.Diagnostics;
using Npgsql;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// A PostgreSQL cluster of its own and any number of API nodes on it, each a real OS process (for the cold start and
/// the several-nodes tests; <see cref="ApiProcess"/> is the shared single node of the other reliability tests).
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string root = ApiProcess.FindRoot();
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "backoffice-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<ApiNode> nodes = [];

    public int PgPort { get; } = ApiProcess.FreePort();
    public string Connection => $"Host=127.0.0.1;Port={PgPort};Database=cluster;Username=postgres;Timeout=3;Command Timeout=30";
    /// <summary>For the tests' own queries: unpooled, so that a PostgreSQL restart never hands them a dead connection.</summary>
    public string TestConnection => Connection + ";Pooling=false";

    /// <summary>Starts PostgreSQL and creates the (empty) database.</summary>
    public async Task CreateDatabase()
    {
        await StartPostgres();
        await ApiProcess.RunShell(root, $"pg_create_db '{dataDir}/data' {PgPort} cluster");
    }

    public Task StartPostgres()
        => ApiProcess.RunShell(root, $"mkdir -p '{dataDir}' && chmod 755 '{dataDir}' && pg_start '{dataDir}/data' {PgPort} fsync=off");

    public Task StopPostgres() => ApiProcess.RunShell(root, $"pg_stop '{dataDir}/data'");

    /// <summary>Starts an API node (not waiting for it to be ready) with the given settings (environment variables).</summary>
    public ApiNode StartNode(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var node = new ApiNode(name, ApiProcess.FreePort(), Path.Combine(dataDir, name + ".log"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["BACKOFFICE_CONNECTION"] = Connection,
            ["BackOffice__RateLimit__PermitLimit"] = "1000000",
            ["BackOffice__Wolverine__ScheduledPollingSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "None",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        node.Start(root, environment);
        nodes.Add(node);
        return node;
    }

    public Task<long> Scalar(string sql) => TestSql.Scalar(TestConnection, sql);

    public Task<string> Text(string sql) => TestSql.Text(TestConnection, sql);

    /// <summary>The rows of a query, each row's columns joined by a space.</summary>
    public async Task<List<string>> Rows(string sql)
    {
        await using var connection = new NpgsqlConnection(TestConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout.TotalSeconds} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until every async projection and the hash chain have processed every event: every progress row is at
    /// the latest event, and the chain's and the audit trail's rows exist (a daemon that has just started writes them as
    /// its agents start: before that, "all rows caught up" would be vacuously true).</summary>
    public Task DaemonCaughtUp(TimeSpan timeout) => Until(async () =>
        await Scalar("select count(*) from backoffice.mt_event_progression where name like 'AuditHashChain%' or name like 'AuditTrail%'") >= 2
        && await Scalar("select coalesce(max(seq_id), 0) from backoffice.mt_events")
        <= await Scalar("select coalesce(min(last_seq_id), 0) from backoffice.mt_event_progression where name not like 'HighWater%'"),
        timeout, "the async projections and the hash chain catch up with the events");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes) node.Kill();
        try { await StopPostgres(); } catch (InvalidOperationException) { }
        if (Environment.GetEnvironmentVariable("BACKOFFICE_KEEP_RELIABILITY_LOGS") == "1") return;
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One API process of a <see cref="Cluster"/>.</summary>
public sealed class ApiNode(string name, int port, string log)
{
    private readonly object writing = new();
    private Process? process;

    public string Name { get; } = name;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");
    public bool IsRunning => process is { HasExited: false };

    internal void Start(string root, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;   // …/bin/<Configuration>/net10.0
        var start = new ProcessStartInfo("dotnet", $"BackOffice.Api.dll --urls {BaseAddress.ToString().TrimEnd('/')}")
        {
            WorkingDirectory = Path.Combine(root, "src", "BackOffice.Api", "bin", configuration, "net10.0"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writing) File.AppendAllText(log, e.Data + "\n"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writing) File.AppendAllText(log, e.Data + "\n"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client(string key = "demo-clerk", TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The status <paramref name="path"/> answers, or 0 while the process does not listen yet.</summary>
    public async Task<int> Status(string path)
    {
        if (process is { HasExited: true }) throw new InvalidOperationException($"Node {Name} exited with code {process.ExitCode}.");
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (int)(await probe.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException) { return 0; }
        catch (TaskCanceledException) { return 0; }
    }

    /// <summary>Waits (generously: a loaded machine starts a .NET process slowly) until <c>/health/ready</c> answers 200.</summary>
    public Task Ready() => Cluster.Until(async () => await Status("/health/ready") == 200, TimeSpan.FromSeconds(120), $"node {Name} ready");

    /// <summary>SIGKILL: no graceful shutdown, no flushing.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
