using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace BackOffice.Bench;

/// <summary>
/// <c>pgbench</c> from the same PostgreSQL installation: a reference measured by a client written in C that costs the
/// machine little, so that the limit is not lowered by a .NET client competing for the same cores.
/// </summary>
internal static class PgBenchRunner
{
    /// <summary>
    /// Runs the script with pgbench (same clients, prepared statements) for warm-up + window; latencies from its
    /// per-transaction log, counting only transactions that ended inside the window.
    /// </summary>
    public static async Task<(ClosedLoop.Outcome Outcome, long Failed)> Run(string pgbench, Settings s, string script, string label)
    {
        var cs = new NpgsqlConnectionStringBuilder(s.Connection);
        var dir = Path.Combine(s.WorkDir, label);
        Directory.CreateDirectory(dir);
        var seconds = (int)Math.Ceiling((s.WarmUp + s.Window).TotalSeconds);
        var start = new ProcessStartInfo(pgbench)
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", "-n", "-M", "prepared",
                     "-c", s.Clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(s.Clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                     "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "-l", "--failures-detailed", cs.Database! })
            start.ArgumentList.Add(a);
        var began = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(dir, "output.txt"), output).ConfigureAwait(false);
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {output}");

        var from = began + s.WarmUp.TotalSeconds;
        var to = from + s.Window.TotalSeconds;
        var latency = new Latencies();
        long ops = 0, failed = 0;
        foreach (var file in Directory.GetFiles(dir, "pgbench_log.*"))
            foreach (var line in File.ReadLines(file))
            {
                // client_id transaction_no time script_no time_epoch time_us ...
                var f = line.Split(' ');
                if (f.Length < 6) continue;
                var end = long.Parse(f[4], CultureInfo.InvariantCulture) + long.Parse(f[5], CultureInfo.InvariantCulture) / 1e6;
                if (end < from || end > to) continue;
                ops++;
                if (!long.TryParse(f[2], CultureInfo.InvariantCulture, out var micros)) { failed++; continue; }
                latency.Add(micros / 1000.0);
            }
        var kinds = new Dictionary<string, long>();
        if (failed > 0) kinds["pgbench failed transaction"] = failed;
        return (new ClosedLoop.Outcome(ops, failed, s.Window.TotalSeconds, latency, kinds), failed);
    }
}
