using System.Diagnostics.Metrics;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace BackOffice.Api.Telemetry;

/// <summary>
/// Projection lag, as two observable gauges on the <c>BackOffice</c> meter, one point per async projection or
/// subscription shard (tags <c>backoffice.projection</c>, <c>backoffice.shard</c>):
/// <list type="bullet">
/// <item><c>backoffice.projection.lag</c> ({event}): events the shard still has to process up to the async daemon's
/// high-water mark — Marten's <c>FetchProjectionLagAsync</c> (its progression rows against the high-water row);</item>
/// <item><c>backoffice.projection.lag.age</c> (s): how long ago the oldest event the shard has not processed yet was
/// stored, 0 when it is caught up. Read from <c>mt_events</c>, not bounded by the high-water mark: it keeps growing
/// when no daemon runs at all.</item>
/// </list>
/// A background loop reads both every <c>BackOffice:Telemetry:ProjectionLagSeconds</c> (default 10) while something
/// listens to the gauges (an exporter, or a test's in-memory reader), and the gauges report its last reading; with
/// nothing listening it reads nothing.
/// </summary>
internal sealed partial class ProjectionLagMeter : BackgroundService
{
    private readonly IDocumentStore store;
    private readonly TimeProvider time;
    private readonly ILogger<ProjectionLagMeter> logger;
    private readonly TimeSpan period;
    private readonly Meter meter;
    private readonly ObservableGauge<long> lag;
    private readonly ObservableGauge<double> age;
    private volatile IReadOnlyList<Reading> last = [];

    /// <summary>One shard's reading.</summary>
    internal sealed record Reading(string Projection, string Shard, long Lag, double AgeSeconds, string Database = "main");

    public ProjectionLagMeter(IMeterFactory meters, IDocumentStore store, IConfiguration configuration, TimeProvider time, ILogger<ProjectionLagMeter> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(configuration);
        this.store = store;
        this.time = time;
        this.logger = logger;
        period = TimeSpan.FromSeconds(configuration.GetValue("BackOffice:Telemetry:ProjectionLagSeconds", 10.0));
        meter = meters.Create(BackOfficeTelemetry.Name);
        lag = meter.CreateObservableGauge("backoffice.projection.lag",
            () => last.Select(r => new Measurement<long>(r.Lag, Tags(r))), "{event}", "Events an async projection shard is behind the daemon's high-water mark");
        age = meter.CreateObservableGauge("backoffice.projection.lag.age",
            () => last.Select(r => new Measurement<double>(r.AgeSeconds, Tags(r))), "s", "Age of the oldest event an async projection shard has not processed yet (0 when caught up)");
    }

    private static KeyValuePair<string, object?>[] Tags(Reading r)
        => [new("backoffice.projection", r.Projection), new("backoffice.shard", r.Shard), new("backoffice.database", r.Database)];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            if (!lag.Enabled && !age.Enabled) continue;
            try
            {
                last = await ReadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                NotRead(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Reads every shard's lag (Marten) and the age of its oldest unprocessed event (one query), in every database (each
    /// tenant database has its own daemon shards with a database per tenant; tag <c>backoffice.database</c>).
    /// </summary>
    internal async Task<IReadOnlyList<Reading>> ReadAsync(CancellationToken cancellation)
    {
        var readings = new List<Reading>();
        var databases = await store.Storage.AllDatabases().ConfigureAwait(false);
        foreach (var database in databases)
            readings.AddRange(await ReadAsync(database, databases.Count == 1 ? "main" : database.Id.Identity, cancellation).ConfigureAwait(false));
        return readings;
    }

    private async Task<IReadOnlyList<Reading>> ReadAsync(Marten.Storage.IMartenDatabase database, string name, CancellationToken cancellation)
    {
        var shards = await ((IEventStore<IDocumentOperations, IQuerySession>)store)
            .FetchProjectionLagAsync((IEventDatabase)database, cancellation).ConfigureAwait(false);
        if (shards.Count == 0) return [];
        var sequences = shards.Select(s => s.Sequence).ToArray();
        var oldest = new DateTimeOffset?[shards.Count];
        await using (var connection = database.CreateConnection())
        {
            await connection.OpenAsync(cancellation).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                $"select (select e.timestamp from {store.Options.Events.DatabaseSchemaName}.mt_events e where e.seq_id > s.seq order by e.seq_id limit 1) " +
                "from unnest($1::bigint[]) with ordinality as s(seq, n) order by s.n", connection);
            command.Parameters.AddWithValue(sequences);
            await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
            for (var i = 0; await reader.ReadAsync(cancellation).ConfigureAwait(false) && i < oldest.Length; i++)
                oldest[i] = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
        }
        var now = time.GetUtcNow();
        return shards.Select((s, i) => new Reading(s.Shard.Name, s.Shard.Identity, Math.Max(0, s.Lag),
            oldest[i] is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0, name)).ToList();
    }

    [LoggerMessage(LogLevel.Debug, "Projection lag not read this time")]
    private static partial void NotRead(ILogger logger, Exception exception);

    /// <inheritdoc />
    public override void Dispose()
    {
        meter.Dispose();
        base.Dispose();
    }
}
