using Npgsql;

namespace BackOffice.Api.Hosting;

/// <summary>
/// Start-up says in one line per database (the main one, then each tenant database) which database and schema the API uses, once every hosted service (Marten's schema
/// migration, Wolverine's envelope tables) has started. The DDL itself is logged at Debug only (appsettings.json).
/// </summary>
internal sealed partial class SchemaSummary(TenantDatabases databases, IConfiguration configuration, ILogger<SchemaSummary> logger)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var schema = configuration["BackOffice:Schema"] ?? Projections.BackOfficeOptions.DefaultSchemaName;
        foreach (var dataSource in databases.Every) await SummarizeAsync(dataSource, schema, cancellationToken).ConfigureAwait(false);
    }

    private async Task SummarizeAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        try
        {
            await using var command = dataSource.CreateCommand("""
                select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'S')),
                       (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1)
                """);
            command.Parameters.AddWithValue(schema);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var tables = reader.GetInt64(0);
            var functions = reader.GetInt64(1);
            LogReady(logger, schema, tables, functions, builder.Database, builder.Host, builder.Port);
        }
        catch (NpgsqlException ex)
        {
            LogUnavailable(logger, ex, builder.Database, builder.Host, builder.Port);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema {Schema} ready ({Tables} tables and sequences, {Functions} functions) in database {Database} on {Host}:{Port}")]
    private static partial void LogReady(ILogger logger, string schema, long tables, long functions, string? database, string? host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Database} on {Host}:{Port} not reachable at start-up")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string? database, string? host, int port);
}
