using BackOffice.Domain.Common;
using BackOffice.Api.Idempotency;
using BackOffice.Api.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using JasperFx;
using Marten;
using Npgsql;
using MartenSessionOptions = Marten.Services.SessionOptions;

namespace BackOffice.Api.Commands;

/// <summary>
/// Runs one command against one aggregate: open a transaction, load the aggregate for writing, call the domain's
/// decision, append the events it returns with the request's audit metadata, commit, answer with the new version
/// as <c>ETag</c>. Every endpoint goes through here, so concurrency, idempotency, audit metadata and error handling
/// are done once.
/// <list type="bullet">
/// <item>With <c>If-Match: "N"</c> the stream must be at version N (else 412 <c>version-mismatch</c>).</item>
/// <item>Without it, the stream row is locked for the transaction, so concurrent writers queue instead of conflicting;
/// a lock wait beyond the configured timeout is retried (bounded), then answered 409 <c>concurrency-conflict</c>.</item>
/// <item>With <c>Idempotency-Key</c>, the scope's advisory lock, the lookup of an earlier answer and the record of this
/// answer all happen in the command's transaction: a retry either replays the committed answer or finds nothing
/// committed, never half.</item>
/// <item>With group commit on (<see cref="GroupCommit"/>, ADR 25), a command's first attempt shares its transaction with
/// the commands waiting beside it, in a savepoint of its own; a retry after contention runs alone.</item>
/// </list>
/// </summary>
public sealed partial class CommandExecutor(
    IDocumentStore store, CommandConnections connections, RequestContext request, IHttpContextAccessor accessor,
    IEnumerable<ICommandCommitted> observers, ILogger<CommandExecutor> logger, GroupCommit groupCommit)
{
    private const int MaxAttempts = 3;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("CommandExecutor runs inside an HTTP request.");

    /// <summary>Starts a new stream of <typeparamref name="T"/> with the events of a creation decision.</summary>
    /// <param name="id">The new stream's id.</param>
    /// <param name="decide">The creation decision.</param>
    /// <param name="respond">The answer, from what the command did.</param>
    /// <param name="alongside">Other writes that must commit with the events (personal data, key tables…).</param>
    public Task<IResult> Start<T>(Guid id, Func<IReadOnlyList<object>> decide, Func<CommandResult, IResult> respond,
        Func<IDocumentSession, CommandResult, Task>? alongside = null) where T : class
        => Start<T>(id, _ => Task.FromResult(decide()), respond, alongside);

    /// <summary>
    /// Starts a new stream of <typeparamref name="T"/> with a creation decision that reads other state first (in the
    /// command's transaction: e.g. the opening a candidate applies to).
    /// </summary>
    /// <param name="id">The new stream's id.</param>
    /// <param name="decide">The creation decision, given the command's session to read with.</param>
    /// <param name="respond">The answer, from what the command did.</param>
    /// <param name="alongside">Other writes that must commit with the events (personal data, key tables…).</param>
    public Task<IResult> Start<T>(Guid id, Func<IDocumentSession, Task<IReadOnlyList<object>>> decide, Func<CommandResult, IResult> respond,
        Func<IDocumentSession, CommandResult, Task>? alongside = null) where T : class
        => Run(id, async session =>
        {
            var events = await decide(session).ConfigureAwait(false);
            session.Events.StartStream<T>(id, events);
            var result = new CommandResult(id, events.Count, events);
            if (alongside is not null) await alongside(session, result).ConfigureAwait(false);
            await session.SaveChangesAsync(Http.RequestAborted).ConfigureAwait(false);
            return result;
        }, respond);

    /// <summary>
    /// Runs <paramref name="action"/> once the current command's transaction has committed (e.g. hand the messages
    /// stored in the transactional outbox to their queue). Registered from inside the command (its <c>alongside</c>);
    /// an attempt that does not commit drops what it registered. An exception here does not undo the command.
    /// </summary>
    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        afterCommit.Add(action);
    }

    private readonly List<Func<CancellationToken, Task>> afterCommit = [];

    /// <summary>
    /// The transaction of the command that is running (a new one on each attempt), for writes that must commit with its
    /// events outside Marten's session, such as the workflow messages of <see cref="Workflows.CommandOutbox"/>.
    /// </summary>
    public NpgsqlTransaction? Transaction { get; private set; }

    /// <summary>Applies a decision to the current state of the <typeparamref name="T"/> stream <paramref name="id"/>.</summary>
    /// <param name="id">The stream.</param>
    /// <param name="decide">The decision on the current state.</param>
    /// <param name="respond">The answer, from what the command did.</param>
    /// <param name="alongside">Other writes that must commit with the events (personal data, key tables…).</param>
    public Task<IResult> Execute<T>(Guid id, Func<T, IReadOnlyList<object>> decide, Func<CommandResult, IResult> respond,
        Func<IDocumentSession, CommandResult, Task>? alongside = null) where T : class
        => Execute<T>(id, (_, state) => Task.FromResult(decide(state)), respond, alongside);

    /// <summary>
    /// Applies a decision that reads other state first (in the command's transaction, after the stream is fetched for
    /// writing: e.g. the chain of managers a transfer must not close into a cycle) to the <typeparamref name="T"/> stream.
    /// </summary>
    /// <param name="id">The stream.</param>
    /// <param name="decide">The decision on the current state, given the command's session to read with.</param>
    /// <param name="respond">The answer, from what the command did.</param>
    /// <param name="alongside">Other writes that must commit with the events (personal data, key tables…).</param>
    public Task<IResult> Execute<T>(Guid id, Func<IDocumentSession, T, Task<IReadOnlyList<object>>> decide, Func<CommandResult, IResult> respond,
        Func<IDocumentSession, CommandResult, Task>? alongside = null) where T : class
        => Run(id, async session =>
        {
            var stream = ExpectedVersion() is { } version
                ? await session.Events.FetchForWriting<T>(id, version, Http.RequestAborted).ConfigureAwait(false)
                : await session.Events.FetchForExclusiveWriting<T>(id, Http.RequestAborted).ConfigureAwait(false);
            if (stream.Aggregate is null) throw DomainException.NotFound($"{typeof(T).Name} {id}");
            var events = await decide(session, stream.Aggregate).ConfigureAwait(false);
            var result = new CommandResult(id, (stream.StartingVersion ?? stream.CurrentVersion ?? 0) + events.Count, events);
            if (events.Count > 0) stream.AppendMany(events);
            if (alongside is not null) await alongside(session, result).ConfigureAwait(false);
            await session.SaveChangesAsync(Http.RequestAborted).ConfigureAwait(false);
            return result;
        }, respond);

    /// <summary>
    /// Applies a decision that reads other state first (in the command's transaction, e.g. the accounts an entry posts
    /// to, locked in a stable order) to the current state of the <typeparamref name="T"/> stream <paramref name="id"/>.
    /// </summary>
    /// <param name="id">The stream.</param>
    /// <param name="decide">The decision on the current state, given the command's session.</param>
    /// <param name="respond">The answer, from what the command did.</param>
    public Task<IResult> Execute<T>(Guid id, Func<IDocumentSession, T, Task<IReadOnlyList<object>>> decide, Func<CommandResult, IResult> respond)
        where T : class
        => Run(id, async session =>
        {
            var stream = ExpectedVersion() is { } version
                ? await session.Events.FetchForWriting<T>(id, version, Http.RequestAborted).ConfigureAwait(false)
                : await session.Events.FetchForExclusiveWriting<T>(id, Http.RequestAborted).ConfigureAwait(false);
            if (stream.Aggregate is null) throw DomainException.NotFound($"{typeof(T).Name} {id}");
            var events = await decide(session, stream.Aggregate).ConfigureAwait(false);
            var result = new CommandResult(id, (stream.StartingVersion ?? stream.CurrentVersion ?? 0) + events.Count, events);
            if (events.Count > 0) stream.AppendMany(events);
            await session.SaveChangesAsync(Http.RequestAborted).ConfigureAwait(false);
            return result;
        }, respond);

    /// <summary>
    /// Applies a decision to a stream that exists once per tenant and may not be started yet (e.g. the tenant's ledger):
    /// appended to when it exists, started otherwise. The decision takes whatever lock serialises its writers.
    /// </summary>
    /// <param name="id">The stream.</param>
    /// <param name="decide">The decision, given the command's session.</param>
    /// <param name="respond">The answer, from what the command did.</param>
    public Task<IResult> ExecuteOrStart<T>(Guid id, Func<IDocumentSession, Task<IReadOnlyList<object>>> decide, Func<CommandResult, IResult> respond)
        where T : class
        => Run(id, async session =>
        {
            var events = await decide(session).ConfigureAwait(false);
            var state = await session.Events.FetchStreamStateAsync(id, Http.RequestAborted).ConfigureAwait(false);
            if (state is null) session.Events.StartStream<T>(id, events);
            else session.Events.Append(id, events);
            var result = new CommandResult(id, (state?.Version ?? 0) + events.Count, events);
            await session.SaveChangesAsync(Http.RequestAborted).ConfigureAwait(false);
            return result;
        }, respond);

    /// <summary>
    /// Runs work that is not one aggregate's decision (e.g. a personal-data erasure) in a transaction with the request's
    /// audit metadata, as commands do; <paramref name="work"/> answers the response.
    /// </summary>
    public Task<IResult> Within(Func<IDocumentSession, Task<IResult>> work) => Traced(() => InTransaction(work));

    /// <summary>One span per command and its outcome in the counters (<see cref="BackOfficeTelemetry"/>).</summary>
    private async Task<IResult> Traced(Func<Task<IResult>> command)
    {
        using var activity = BackOfficeTelemetry.StartCommand(Http, request.Tenant);
        try
        {
            var answer = await command().ConfigureAwait(false);
            BackOfficeTelemetry.Record(activity, Http, request.Tenant, OutcomeOf(answer));
            return answer;
        }
        catch (DomainException refused)
        {
            BackOfficeTelemetry.Record(activity, Http, request.Tenant, refused.Code);
            throw;
        }
        catch (Exception)
        {
            BackOfficeTelemetry.Record(activity, Http, request.Tenant, "error");
            throw;
        }
    }

    private static string OutcomeOf(IResult answer) => answer switch
    {
        CapturedResponse { Replayed: true } => "replayed",
        CapturedResponse { Status: < 400 } => "ok",
        ProblemHttpResult { ProblemDetails: var p } when p.Extensions.TryGetValue("code", out var code) => code?.ToString() ?? "problem",
        CapturedResponse { Status: var status } => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "ok",
    };

    private Task<IResult> Run(Guid stream, Func<IDocumentSession, Task<CommandResult>> work, Func<CommandResult, IResult> respond)
    {
        this.stream = stream;
        return Traced(() => RunAttempts(work, respond));
    }

    private async Task<IResult> RunAttempts(Func<IDocumentSession, Task<CommandResult>> work, Func<CommandResult, IResult> respond)
    {
        for (var attempt = 1; ; attempt++)
        {
            alone = attempt > 1;   // a retry after contention runs in a transaction of its own, not in a batch
            try
            {
                return await InTransaction(work, respond).ConfigureAwait(false);
            }
            catch (ConcurrencyException) when (ExpectedVersion() is not null)
            {
                BackOfficeTelemetry.Conflict(Http, request.Tenant, "version-mismatch");
                return Problem.Result(ProblemCatalog.Codes.VersionMismatch,
                    "The resource changed since the version in If-Match. Read it again and retry with its current ETag.");
            }
            catch (Exception ex) when (IsContention(ex) && ExpectedVersion() is null)
            {
                if (attempt < MaxAttempts)
                {
                    LogContention(logger, ex, attempt);
                    BackOfficeTelemetry.Conflict(Http, request.Tenant, "retry");
                    continue;
                }
                BackOfficeTelemetry.Conflict(Http, request.Tenant, "gave-up");
                return Problem.Result(ProblemCatalog.Codes.ConcurrencyConflict,
                    $"Concurrent changes kept winning after {MaxAttempts} attempts. Retry the request.");
            }
        }
    }

    private Task<IResult> InTransaction(Func<IDocumentSession, Task<CommandResult>> work, Func<CommandResult, IResult> respond)
        => InTransaction(async session =>
        {
            var result = await work(session).ConfigureAwait(false);
            return new Outcome(respond(result), ETags.Of(result.Version), result);
        });

    private Task<IResult> InTransaction(Func<IDocumentSession, Task<IResult>> work)
        => InTransaction(async session => new Outcome(await work(session).ConfigureAwait(false), null, null));

    private sealed record Outcome(IResult Answer, string? ETag, CommandResult? Result);

    private bool alone;
    private Guid? stream;   // the stream the command locks, so that a batch skips it while another batch holds it

    private async Task<IResult> InTransaction(Func<IDocumentSession, Task<Outcome>> work)
    {
        var cancellation = Http.RequestAborted;
        afterCommit.Clear();
        var (answer, result) = groupCommit.Enabled && !alone
            ? await groupCommit.RunAsync(connections.For(request.Tenant), stream, request.Idempotency?.Scope, (connection, transaction) => Batched(() => Attempt(connection, transaction, work)),
                cancellation).ConfigureAwait(false)
            : await Alone(work, cancellation).ConfigureAwait(false);
        foreach (var action in afterCommit)
        {
            try
            {
                await action(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the command is committed: a failure here is logged, never turned into an error answer
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogAfterCommitFailed(logger, ex);
            }
        }
        afterCommit.Clear();
        if (result is not null)
            foreach (var observer in observers) await observer.OnCommittedAsync(result, cancellation).ConfigureAwait(false);
        return answer;
    }

    /// <summary>The command in a transaction of its own.</summary>
    private async Task<(IResult Answer, CommandResult? Result)> Alone(Func<IDocumentSession, Task<Outcome>> work, CancellationToken cancellation)
    {
        // The lock timeout is a setting of the command connections (no SET LOCAL round trip); BEGIN goes out with the first query.
        await using var connection = await connections.For(request.Tenant).OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var done = await Attempt(connection, transaction, work).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return done;
    }

    /// <summary>
    /// The command in a batch's transaction: once a writer runs it, it completes with its batch, so the request's abort
    /// must not cancel its statements on the shared connection (they read <c>RequestAborted</c>).
    /// </summary>
    private async Task<(IResult Answer, CommandResult? Result)> Batched(Func<Task<(IResult Answer, CommandResult? Result)>> attempt)
    {
        var aborted = Http.RequestAborted;
        Http.RequestAborted = CancellationToken.None;
        try
        {
            return await attempt().ConfigureAwait(false);
        }
        finally
        {
            Http.RequestAborted = aborted;
        }
    }

    /// <summary>
    /// One attempt on <paramref name="transaction"/>, which its caller commits: the idempotency lock, lookup and record,
    /// the session with the request's audit metadata, the work and its captured answer.
    /// </summary>
    private async Task<(IResult Answer, CommandResult? Result)> Attempt(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Func<IDocumentSession, Task<Outcome>> work)
    {
        var cancellation = Http.RequestAborted;
        Transaction = transaction;

        var schema = store.Options.DatabaseSchemaName;
        if (request.Idempotency is { } idempotency)
        {
            if (!await IdempotencyRecords.TryLockAsync(connection, transaction, idempotency.Scope, cancellation).ConfigureAwait(false))
                return (Problem.Result(ProblemCatalog.Codes.IdempotencyKeyInFlight,
                    "A request with this Idempotency-Key is still running. Retry after it completes."), null);
            if (await IdempotencyRecords.FindAsync(connection, transaction, schema, idempotency.Scope, cancellation).ConfigureAwait(false) is { } earlier)
            {
                return (earlier.RequestHash == idempotency.BodyHash
                    ? new CapturedResponse(earlier.Status, earlier.Response, earlier.ContentType, earlier.Location, earlier.ETag, Replayed: true)
                    : Problem.Result(ProblemCatalog.Codes.IdempotencyKeyReused,
                        "This Idempotency-Key was used with another body. Use a new key for a new request.", IdempotencyMiddleware.Header), null);
            }
        }

        var options = MartenSessionOptions.ForTransaction(transaction);
        options.TenantId = request.Tenant;
        await using var session = store.LightweightSession(options);
        session.CorrelationId = request.CorrelationId;
        session.CausationId = request.CommandId;
        session.LastModifiedBy = request.User;
        if (request.Reason is not null) session.SetHeader("reason", request.Reason);

        var outcome = await work(session).ConfigureAwait(false);
        var answer = await CapturedResponse.CaptureAsync(outcome.Answer, Http, outcome.ETag).ConfigureAwait(false);
        if (request.Idempotency is { } scope)
        {
            await IdempotencyRecords.SaveAsync(connection, transaction, schema, request.Tenant, scope.Scope,
                new IdempotencyRecord(scope.BodyHash, answer.Status, answer.Body, answer.ContentType, answer.Location, answer.ETag),
                cancellation).ConfigureAwait(false);
        }
        return (answer, outcome.Result);
    }

    private long? ExpectedVersion() => ETags.IfMatch(Http.Request);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "An after-commit action failed; the command stays committed")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Contention on attempt {Attempt}; retrying")]
    private static partial void LogContention(ILogger logger, Exception exception, int attempt);
}
