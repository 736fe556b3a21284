using Npgsql;

namespace BackOffice.Api.Commands;

/// <summary>
/// The connections commands run on: the store's connection string with <c>lock_timeout</c> set at connection start
/// (<c>BackOffice:LockTimeoutMs</c>, default 5000), so a command spends no round trip on <c>SET LOCAL</c>, and no reset
/// when a connection goes back to the pool. A pool of its own, so reads and the async daemon keep PostgreSQL's default.
/// </summary>
public sealed class CommandConnections : IAsyncDisposable
{
    /// <summary>Builds the data source from the store's connection string and the configured lock timeout.</summary>
    public CommandConnections(string connectionString, int lockTimeoutMs)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        csb.Options = $"{csb.Options} -c lock_timeout={lockTimeoutMs}".Trim();
        // A command leaves no session state behind (its locks are transaction-scoped), so the DISCARD ALL that resets
        // a pooled connection is work without purpose on this pool.
        if (!connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase)) csb.NoResetOnClose = true;
        DataSource = new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
    }

    /// <summary>The command connections' data source.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
