using Marten;
using Npgsql;

namespace BackOffice.Api.Idempotency;

/// <summary>
/// Deletes idempotency records older than the retention (<c>BackOffice:Idempotency:RetentionHours</c>, default 48, never
/// less than the contract's 24 h) every <c>BackOffice:Idempotency:PurgeEveryMinutes</c> (default 60). A retry within
/// the retention replays its first answer; after it, the key is forgotten and the request runs as new. Each pass
/// deletes in batches so that it never holds many row locks at once; several API nodes may run it harmlessly.
/// </summary>
public sealed partial class IdempotencyPurge(Hosting.TenantDatabases databases, IDocumentStore store, IConfiguration configuration,
    TimeProvider time, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    /// <summary>The contract's minimum: a retry within 24 h replays.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromHours(24);

    private const int BatchSize = 5000;

    /// <summary>How long records are kept.</summary>
    public TimeSpan Retention { get; } = TimeSpan.FromHours(Math.Max(MinimumRetention.TotalHours, configuration.GetValue("BackOffice:Idempotency:RetentionHours", 48.0)));

    private TimeSpan Every => TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("BackOffice:Idempotency:PurgeEveryMinutes", 60.0)));

    /// <summary>Deletes the records older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<long> PurgeAsync(CancellationToken cancellation)
    {
        var cutoff = time.GetUtcNow() - Retention;
        var table = $"{store.Options.DatabaseSchemaName}.{IdempotencyRecords.TableName}";
        long total = 0;
        // Each tenant database keeps its tenants' records (the main one alone when conjoined).
        foreach (var database in databases.All) total += await PurgeAsync(database.DataSource, table, cutoff, cancellation).ConfigureAwait(false);
        return total;
    }

    private static async Task<long> PurgeAsync(NpgsqlDataSource dataSource, string table, DateTimeOffset cutoff, CancellationToken cancellation)
    {
        long total = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"delete from {table} where scope in (select scope from {table} where created_at < @cutoff limit {BatchSize})", connection);
            command.Parameters.AddWithValue("cutoff", cutoff);
            var deleted = await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            total += deleted;
            if (deleted < BatchSize) return total;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var deleted = await PurgeAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0) LogPurged(logger, deleted, Retention.TotalHours);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed pass (database away) is logged and retried at the next tick
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} idempotency records older than {Hours} h")]
    private static partial void LogPurged(ILogger logger, long count, double hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging idempotency records failed; retrying at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
