using System.Diagnostics;
using Marten;
using Marten.Services;
using Npgsql;

namespace BackOffice.Api.Hosting;

/// <summary>
/// Marten's logger for this application: the SQL text, timings and failures, never a parameter value. Marten's
/// default logger writes every parameter of a failed command (and, at Debug, of every command); the parameters of
/// the personal-data store's writes are names, e-mails and résumés, which must not reach logs that erasure cannot
/// reach. A failure is logged with its SQLSTATE and exception type only: PostgreSQL's message texts may quote values.
/// </summary>
public sealed partial class ParameterFreeMartenLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    private readonly ILogger logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <inheritdoc />
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    /// <inheritdoc />
    public void SchemaChange(string sql) => LogSchemaChange(logger, sql);

    /// <inheritdoc />
    public void LogSuccess(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (logger.IsEnabled(LogLevel.Debug)) LogExecuted(logger, command.CommandText, command.Parameters.Count);
    }

    /// <inheritdoc />
    public void LogSuccess(NpgsqlBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        foreach (var command in batch.BatchCommands) LogExecuted(logger, command.CommandText, command.Parameters.Count);
    }

    /// <inheritdoc />
    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(command);
        LogFailed(logger, Describe(ex), command.CommandText);
    }

    /// <inheritdoc />
    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(batch);
        LogFailed(logger, Describe(ex), string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));
    }

    /// <inheritdoc />
    public void LogFailure(Exception ex, string message) => LogOtherFailure(logger, Describe(ex), message);

    /// <inheritdoc />
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    /// <inheritdoc />
    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    /// <inheritdoc />
    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    /// <summary>The exception's types and SQLSTATE, never its message (PostgreSQL quotes values in some messages).</summary>
    public static string Describe(Exception? exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            parts.Add(e is PostgresException pg ? $"{e.GetType().Name} {pg.SqlState}" : e.GetType().Name);
        return parts.Count == 0 ? "unknown" : string.Join(" <- ", parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marten applied a schema change:\n{Sql}")]
    private static partial void LogSchemaChange(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten executed ({ParameterCount} parameters, values not logged): {Sql}")]
    private static partial void LogExecuted(ILogger logger, string sql, int parameterCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten command failed ({Failure}); parameter values are not logged. SQL: {Sql}")]
    private static partial void LogFailed(ILogger logger, string failure, string sql);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failure ({Failure}): {Message}")]
    private static partial void LogOtherFailure(ILogger logger, string failure, string message);
}
