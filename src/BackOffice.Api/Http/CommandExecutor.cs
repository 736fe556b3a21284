using BackOffice.Domain.Common;
using JasperFx;
using Marten;
using MartenSessionOptions = Marten.Services.SessionOptions;
using Npgsql;

namespace BackOffice.Api.Http;

/// <summary>
/// Runs one command against one aggregate: open a transaction, load the aggregate for writing, call the domain's
/// decision, append the events it returns with the request's audit metadata, commit, answer with the new version
/// as <c>ETag</c>. Every endpoint goes through here, so concurrency, audit metadata and error handling are done once.
/// <list type="bullet">
/// <item>With <c>If-Match: "N"</c> the stream must be at version N (else 412 <c>version-mismatch</c>).</item>
/// <item>Without it, the stream row is locked for the transaction, so concurrent writers queue instead of conflicting;
/// a lock wait beyond the configured timeout is retried (bounded), then answered 409 <c>concurrency-conflict</c>.</item>
/// </list>
/// </summary>
public sealed partial class CommandExecutor(
    IDocumentStore store, NpgsqlDataSource dataSource, RequestContext request, IHttpContextAccessor accessor, ILogger<CommandExecutor> logger)
{
    private const int MaxAttempts = 3;
    private const string LockTimeout = "5s";

    /// <summary>Starts a new stream of <typeparamref name="T"/> with the events of a creation decision.</summary>
    public Task<IResult> Start<T>(Guid id, Func<IReadOnlyList<object>> decide, Func<CommandResult, IResult> respond) where T : class
        => Run(async session =>
        {
            var events = decide();
            session.Events.StartStream<T>(id, events);
            await session.SaveChangesAsync().ConfigureAwait(false);
            return new CommandResult(id, events.Count, events);
        }, respond);

    /// <summary>Applies a decision to the current state of the <typeparamref name="T"/> stream <paramref name="id"/>.</summary>
    public Task<IResult> Execute<T>(Guid id, Func<T, IReadOnlyList<object>> decide, Func<CommandResult, IResult> respond) where T : class
        => Run(async session =>
        {
            var expected = ExpectedVersion();
            var stream = expected is { } version
                ? await session.Events.FetchForWriting<T>(id, version).ConfigureAwait(false)
                : await session.Events.FetchForExclusiveWriting<T>(id).ConfigureAwait(false);
            if (stream.Aggregate is null) throw DomainException.NotFound($"{typeof(T).Name} {id}");
            var events = decide(stream.Aggregate);
            if (events.Count == 0) return new CommandResult(id, stream.CurrentVersion ?? 0, events);
            stream.AppendMany(events);
            await session.SaveChangesAsync().ConfigureAwait(false);
            return new CommandResult(id, (stream.StartingVersion ?? 0) + events.Count, events);
        }, respond);

    /// <summary>
    /// Runs work that is not one aggregate's decision (e.g. a personal-data erasure) in a transaction with the request's
    /// audit metadata, as commands do; <paramref name="work"/> answers the response.
    /// </summary>
    public Task<IResult> Within(Func<IDocumentSession, Task<IResult>> work) => InTransaction(work);

    private async Task<IResult> Run(Func<IDocumentSession, Task<CommandResult>> work, Func<CommandResult, IResult> respond)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await InTransaction(work).ConfigureAwait(false);
                accessor.HttpContext!.Response.Headers.ETag = ETags.Of(result.Version);
                return respond(result);
            }
            catch (ConcurrencyException) when (ExpectedVersion() is not null)
            {
                return Problems.Result(ProblemCatalog.Codes.VersionMismatch,
                    "The resource changed since the version in If-Match. Read it again and retry with its current ETag.");
            }
            catch (Exception ex) when (IsContention(ex) && ExpectedVersion() is null)
            {
                if (attempt < MaxAttempts)
                {
                    LogContention(logger, ex, attempt);
                    continue;
                }
                return Problems.Result(ProblemCatalog.Codes.ConcurrencyConflict,
                    $"Concurrent changes kept winning after {MaxAttempts} attempts. Retry the request.");
            }
        }
    }

    private async Task<T> InTransaction<T>(Func<IDocumentSession, Task<T>> work)
    {
        var cancellation = accessor.HttpContext?.RequestAborted ?? CancellationToken.None;
        await using var connection = await dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"SET LOCAL lock_timeout = '{LockTimeout}'", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);

        var options = MartenSessionOptions.ForTransaction(transaction);
        options.TenantId = request.Tenant;
        await using var session = store.LightweightSession(options);
        session.CorrelationId = request.CorrelationId;
        session.CausationId = request.CommandId;
        session.LastModifiedBy = request.User;
        if (request.Reason is not null) session.SetHeader("reason", request.Reason);

        var result = await work(session).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return result;
    }

    private long? ExpectedVersion() => ETags.IfMatch(accessor.HttpContext!.Request);

    private static bool IsContention(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is ConcurrencyException) return true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
                return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Contention on attempt {Attempt}; retrying")]
    private static partial void LogContention(ILogger logger, Exception exception, int attempt);
}
