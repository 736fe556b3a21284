using System.Net;
using System.Text.Json.Nodes;

namespace BackOffice.Bench;

/// <summary>
/// Part 4 (reads): the API serving the library phase's store (every event of it, up to 1M in the full run): GET one supply
/// item and the inventory dashboard, p50/p99, with a few concurrent readers.
/// </summary>
internal static class ReadsPhase
{
    private const int Readers = 4;

    public static async Task Run(Settings s)
    {
        var api = s.Api ?? throw new ArgumentException("--api is required");
        var items = File.ReadAllLines(Path.Combine(s.WorkDir, "library-items.txt")).Select(Guid.Parse).ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Readers + 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchKeys.Clerk);

        async Task<string?> Get(string path)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK ? null : $"HTTP {(int)response.StatusCode}";
        }

        var window = s.Smoke ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(15);
        // The API was just started: measure it warm, as it runs in production, not while its JIT settles (as the load phase).
        var jit = await ClosedLoop.Run(Readers, s.ApiWarmUp, TimeSpan.FromSeconds(1),
            (w, r) => r.Next(8) == 0 ? Get("/api/dashboards/inventory") : Get($"/api/supply-items/{items[r.Next(items.Length)]}")).ConfigureAwait(false);
        Console.WriteLine($"[reads] API warmed up ({jit.PerSecond:F0} reads/s in its last second)");
        var one = await ClosedLoop.Run(Readers, s.WarmUp, window, (w, r) => Get($"/api/supply-items/{items[r.Next(items.Length)]}")).ConfigureAwait(false);
        Console.WriteLine($"[reads] GET one: p50 {one.Latency.Percentile(50):F2} ms, p99 {one.Latency.Percentile(99):F2} ms, {one.PerSecond:F0}/s");
        var dashboard = await ClosedLoop.Run(Readers, s.WarmUp, window, (w, r) => Get("/api/dashboards/inventory")).ConfigureAwait(false);
        Console.WriteLine($"[reads] GET dashboard: p50 {dashboard.Latency.Percentile(50):F2} ms, p99 {dashboard.Latency.Percentile(99):F2} ms, {dashboard.PerSecond:F0}/s");
        using var sample = await http.GetAsync(new Uri("/api/dashboards/inventory", UriKind.Relative)).ConfigureAwait(false);
        var size = (await sample.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
        PhaseResults.Write(s, new JsonObject
        {
            ["machineAtStart"] = Machine.Describe(), ["readers"] = Readers,
            ["getSupplyItem"] = one.ToJson(), ["getDashboard"] = dashboard.ToJson(), ["dashboardBytes"] = size,
        });
    }
}
