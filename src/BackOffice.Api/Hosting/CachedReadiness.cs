using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BackOffice.Api.Hosting;

/// <summary>
/// The readiness check (<c>/health/ready</c>): Marten and Wolverine have started (<see cref="DatabaseStartState"/>)
/// and PostgreSQL answers <c>select 1</c>. The result is reused for
/// <see cref="CacheFor"/>, and concurrent probes share one query, so that a flood of probes costs the database at
/// most one query a second.
/// </summary>
public sealed class CachedReadiness(NpgsqlDataSource dataSource, TimeProvider time, DatabaseStartState start) : IHealthCheck, IDisposable
{
    /// <summary>How long a result is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Answer? last;
    private long queries;

    /// <summary>
    /// Writes the probe's answer: <c>text/plain</c> <c>Healthy</c>, or 503 <c>Unhealthy</c> with <c>Retry-After: 5</c>
    /// (as every 503 of the API).
    /// </summary>
    public static Task WriteAsync(HttpContext http, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == HealthStatus.Unhealthy) http.Response.Headers.RetryAfter = "5";
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(report.Status.ToString());
    }

    /// <summary>How many times the database was asked (for tests and metrics).</summary>
    public long Queries => Interlocked.Read(ref queries);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!start.Started)
            return new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "Waiting for PostgreSQL to start the store.");
        if (Fresh() is { } cached) return cached;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } shared) return shared;
            Interlocked.Increment(ref queries);
            HealthCheckResult result;
            try
            {
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                result = HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                result = new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "PostgreSQL does not answer.");
            }
            last = new Answer(result, time.GetUtcNow());
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private HealthCheckResult? Fresh()
        => last is { } l && time.GetUtcNow() - l.At < CacheFor ? l.Result : null;

    private sealed record Answer(HealthCheckResult Result, DateTimeOffset At);
}
