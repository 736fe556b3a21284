using System.Collections.Concurrent;
using BackOffice.Api.Hosting;
using Npgsql;

namespace BackOffice.Api.Commands;

/// <summary>
/// The connections commands run on, one pool per tenant database (<see cref="TenantDatabases"/>): the database's
/// connection string with <c>lock_timeout</c> set at connection start (<c>BackOffice:LockTimeoutMs</c>, default 5000),
/// so a command spends no round trip on <c>SET LOCAL</c>, and no reset when a connection goes back to the pool. Pools of
/// their own, so reads and the async daemon keep PostgreSQL's default.
/// </summary>
public sealed class CommandConnections(TenantDatabases databases, int lockTimeoutMs) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> pools = new(StringComparer.Ordinal);

    /// <summary>The command connections' data source of <paramref name="tenant"/>'s database.</summary>
    /// <exception cref="UnknownTenantException">The tenant is not mapped to a database.</exception>
    public NpgsqlDataSource For(string tenant)
    {
        var database = databases.Of(tenant);
        return pools.TryGetValue(database.Id, out var pool) ? pool : pools.GetOrAdd(database.Id, _ => Build(database.ConnectionString));
    }

    private NpgsqlDataSource Build(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        csb.Options = $"{csb.Options} -c lock_timeout={lockTimeoutMs}".Trim();
        // A command leaves no session state behind (its locks are transaction-scoped), so the DISCARD ALL that resets
        // a pooled connection is work without purpose on this pool.
        if (!connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase)) csb.NoResetOnClose = true;
        return new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var pool in pools.Values) await pool.DisposeAsync().ConfigureAwait(false);
    }
}
