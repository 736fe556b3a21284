using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// A PostgreSQL cluster of its own (so that restarting it disturbs no other test) and the API as a real OS process
/// that can be killed with SIGKILL and started again.
/// </summary>
public class ApiProcess : IAsyncLifetime
{
    /// <summary>Settings of the API process beyond the common ones (environment variables, <c>BackOffice__…</c>).</summary>
    /// <remarks>Group commit (ADR 25, on by default) is off here: these tests cover each command in a transaction of its
    /// own, and <see cref="GroupCommitApiProcess"/> runs the same tests with it on.</remarks>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["BackOffice__Commands__GroupCommit"] = "false",
    };

    private readonly string root = FindRoot();
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "backoffice-reliability-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? api;

    public int PgPort { get; } = FreePort();
    public int ApiPort { get; } = FreePort();
    public string Connection => $"Host=127.0.0.1;Port={PgPort};Database=reliability;Username=postgres;Timeout=3;Command Timeout=15";
    /// <summary>For the tests' own queries: unpooled, so that a PostgreSQL restart never hands them a dead connection.</summary>
    public string TestConnection => Connection + ";Pooling=false";
    public Uri BaseAddress => new($"http://127.0.0.1:{ApiPort}");

    public async Task InitializeAsync()
    {
        await StartPostgres();
        await Shell($"pg_create_db '{dataDir}/data' {PgPort} reliability");
        await StartApi();
    }

    public async Task DisposeAsync()
    {
        KillApi();
        await Shell($"pg_stop '{dataDir}/data'");
        if (Environment.GetEnvironmentVariable("BACKOFFICE_KEEP_RELIABILITY_LOGS") == "1") return;
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public Task StartPostgres() => Shell($"mkdir -p '{dataDir}' && chmod 755 '{dataDir}' && pg_start '{dataDir}/data' {PgPort} fsync=off");
    public Task StopPostgres() => Shell($"pg_stop '{dataDir}/data'");

    public HttpClient Client(string key = "demo-clerk", TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task StartApi()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;   // …/bin/<Configuration>/net10.0
        var output = Path.Combine(root, "src", "BackOffice.Api", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", $"BackOffice.Api.dll --urls {BaseAddress.ToString().TrimEnd('/')}")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["BACKOFFICE_CONNECTION"] = Connection;
        start.Environment["BackOffice__Daemon"] = "Solo";
        start.Environment["BackOffice__RateLimit__PermitLimit"] = "1000000";
        start.Environment["BackOffice__Wolverine__ScheduledPollingSeconds"] = "1";   // help-desk deadlines: poll every second
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in Settings) start.Environment[name] = value;
        api = Process.Start(start)!;
        var log = Path.Combine(dataDir, "api.log");
        api.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (dataDir) File.AppendAllText(log, e.Data + "\n"); };
        api.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (dataDir) File.AppendAllText(log, e.Data + "\n"); };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);   // generous: a loaded CI runner starts a .NET process slowly
        while (DateTime.UtcNow < deadline)
        {
            if (api.HasExited) throw new InvalidOperationException($"The API exited with code {api.ExitCode} at start-up.");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The API did not become ready within 120 s.");
    }

    /// <summary>SIGKILL: no graceful shutdown, no flushing.</summary>
    public void KillApi()
    {
        if (api is { HasExited: false })
        {
            api.Kill(entireProcessTree: true);
            api.WaitForExit(10_000);
        }
        api?.Dispose();
        api = null;
    }

    public Task<long> Scalar(string sql) => TestSql.Scalar(TestConnection, sql);

    public Task<string> Text(string sql) => TestSql.Text(TestConnection, sql);

    public static async Task<Guid> RegisterItem(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/supply-items", new
        {
            sku = "REL-" + Guid.NewGuid().ToString("N")[..10], name = "Toner", unit = "each", category = "toner", location = "C2",
            reorderPoint = 0, reorderQuantity = 1,
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetItem(HttpClient client, Guid id)
        => JsonDocument.Parse(await client.GetStringAsync($"/api/supply-items/{id}")).RootElement;

    internal async Task Shell(string command) => await RunShell(root, command);

    internal static async Task RunShell(string root, string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", $". '{root}/scripts/lib/postgres.sh' && {command}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed: {await stderr}");
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ApiProcess>
{
    public const string Name = "reliability";
}

/// <summary>The API with group commit on (ADR 25), on a PostgreSQL of its own.</summary>
public sealed class GroupCommitApiProcess : ApiProcess
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["BackOffice__Commands__GroupCommit"] = "true",
        ["BackOffice__Commands__Writers"] = "2",   // few writers for 64 clients: large batches
    };
}

[CollectionDefinition(Name)]
public sealed class GroupCommitReliabilityCollection : ICollectionFixture<GroupCommitApiProcess>
{
    public const string Name = "reliability-group-commit";
}

/// <summary>Load sizes: short by default, long with BACKOFFICE_LONG_RELIABILITY=1.</summary>
public static class Load
{
    public static bool IsLong => Environment.GetEnvironmentVariable("BACKOFFICE_LONG_RELIABILITY") == "1";
    public static int OperationsPerClient => IsLong ? 200 : 15;
}

/// <summary>One-value queries of the reliability tests' own (unpooled) connections.</summary>
internal static class TestSql
{
    public static async Task<object?> Value(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public static async Task<long> Scalar(string connectionString, string sql)
        => Convert.ToInt64(await Value(connectionString, sql), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> Text(string connectionString, string sql)
        => Convert.ToString(await Value(connectionString, sql), System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
