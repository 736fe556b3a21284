using System.Collections.Concurrent;
using BackOffice.Api.Telemetry;
using Npgsql;

namespace BackOffice.Api.Commands;

/// <summary>
/// Group commit by natural batching (ADR 25), unless <c>BackOffice:Commands:GroupCommit</c> is off: commands are queued
/// per data source and run by a few batch writers (<c>BackOffice:Commands:Writers</c>), each on one connection. A writer
/// that is idle takes the first waiting command and every other command already waiting (up to
/// <c>BackOffice:Commands:MaxBatch</c>), never waiting for more: at low load a batch is one command. A batch takes no
/// command whose stream another running batch holds (its row lock lasts until that batch commits): such a command
/// waits, in order, while the commands behind it go past, so that batches do not queue on each other's locks. The commands of a
/// batch share one transaction, each in its own savepoint (a batch of one needs none), so a command that fails rolls
/// back to its savepoint, releases the locks it took and gets its exception at once, while its batch-mates carry on.
/// The others get their results only once the batch's <c>COMMIT</c> succeeded; if it fails, each gets a
/// <see cref="GroupCommitFailedException"/> (nothing of the batch was acknowledged).
/// </summary>
/// <remarks>
/// Each command runs under the <see cref="ExecutionContext"/> captured when it was submitted, so what the request's flow
/// carries (the HTTP context through <c>IHttpContextAccessor</c>, the demo clock, the current activity) is what the
/// command sees. A command whose caller's token is cancelled while it waits is dropped before it runs; once running it
/// completes with its batch.
/// </remarks>
public sealed partial class GroupCommit : IAsyncDisposable
{
    private const string Savepoint = "command";

    private readonly ConcurrentDictionary<NpgsqlDataSource, Lane> lanes = new();
    private readonly ILogger<GroupCommit> logger;
    private int waiting;
    private long batches;
    private long batchedCommands;
    private int largestBatch;
    private bool disposed;

    /// <summary>Reads <c>BackOffice:Commands:GroupCommit</c> (default on), <c>:MaxBatch</c> (16) and <c>:Writers</c> (8).</summary>
    public GroupCommit(IConfiguration configuration, ILogger<GroupCommit> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.logger = logger;
        Enabled = configuration.GetValue("BackOffice:Commands:GroupCommit", true);
        MaxBatch = Math.Max(1, configuration.GetValue("BackOffice:Commands:MaxBatch", 16));
        Writers = Math.Max(1, configuration.GetValue("BackOffice:Commands:Writers", 8));
    }

    /// <summary>Whether commands are run in batches.</summary>
    public bool Enabled { get; }

    /// <summary>The most commands one transaction takes.</summary>
    public int MaxBatch { get; }

    /// <summary>Batch writers per data source (each holds one connection while it runs a batch).</summary>
    public int Writers { get; }

    /// <summary>Commands queued and not yet taken by a writer.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Commands run so far in batches of more than one.</summary>
    public long BatchedCommands => Interlocked.Read(ref batchedCommands);

    /// <summary>The largest batch run so far.</summary>
    public int LargestBatch => Volatile.Read(ref largestBatch);

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch of <paramref name="dataSource"/>'s writers, on the batch's
    /// connection and transaction; completes once the batch has committed (or with <paramref name="work"/>'s own
    /// exception, at once, its savepoint rolled back).
    /// </summary>
    /// <param name="dataSource">Where the command's connection comes from.</param>
    /// <param name="stream">
    /// The stream the command locks, if known: a batch never takes a command whose stream another batch of the same
    /// data source holds (its row lock lasts until that batch commits); the command waits in the queue, in order, and
    /// the other waiting commands go past it.
    /// </param>
    /// <param name="idempotencyScope">
    /// The command's idempotency scope, if it has one: a command whose scope a running batch holds is taken at once, even
    /// when its stream is held, so that it finds the scope's lock taken and is answered 409 in flight without waiting.
    /// </param>
    /// <param name="work">The command; it must not commit, roll back or dispose the transaction.</param>
    /// <param name="cancellation">Drops the command while it waits; ignored once it runs.</param>
    public Task<T> RunAsync<T>(NpgsqlDataSource dataSource, Guid? stream, string? idempotencyScope,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(disposed, this);
        var item = new Item<T>(work, stream, idempotencyScope, ExecutionContext.Capture(), cancellation);
        var lane = lanes.GetOrAdd(dataSource, source => new Lane(this, source));
        Interlocked.Increment(ref waiting);
        if (!lane.Enqueue(item))
        {
            Interlocked.Decrement(ref waiting);
            throw new ObjectDisposedException(nameof(GroupCommit));
        }
        return item.Completion.Task;
    }

    /// <summary>Stops taking commands, lets the writers finish what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        disposed = true;
        foreach (var lane in lanes.Values) lane.Close();
        await Task.WhenAll(lanes.Values.SelectMany(l => l.Writers)).ConfigureAwait(false);
    }

    /// <summary>
    /// One data source's queue and writers. The queue is in arrival order; the streams held by running batches are
    /// kept beside it, so that a writer forming a batch skips the commands whose stream another batch holds.
    /// </summary>
    private sealed class Lane
    {
        private readonly Lock gate = new();
        private readonly LinkedList<Item> queue = new();
        private readonly HashSet<Guid> held = [];
        private readonly Dictionary<string, int> heldScopes = new(StringComparer.Ordinal);   // scope → commands running with it
        private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool closed;

        public Lane(GroupCommit owner, NpgsqlDataSource source)
        {
            // The writers must not keep the flow of the request that happened to create the lane (its HttpContext, its
            // activity): each command runs under its own submitter's context, the writers' loops under none.
            using (ExecutionContext.SuppressFlow())
            {
                Writers = Enumerable.Range(0, owner.Writers)
                    .Select(_ => Task.Run(() => owner.WriteAsync(source, this)))
                    .ToArray();
            }
        }

        public Task[] Writers { get; }

        public bool Enqueue(Item item)
        {
            lock (gate)
            {
                if (closed) return false;
                queue.AddLast(item);
                Signal();
            }
            return true;
        }

        public void Close()
        {
            lock (gate)
            {
                closed = true;
                Signal();
            }
        }

        /// <summary>
        /// Takes up to <paramref name="max"/> waiting commands whose streams no running batch holds (several of one
        /// stream may share a batch: its lock is the batch's own), and marks their streams held. A command whose
        /// idempotency scope a running command holds is taken anyway: it finds the scope's lock taken and is answered
        /// 409 in flight at once, as without group commit, instead of waiting for the stream. Returns null when the
        /// lane is closed and empty; otherwise a batch, or a task to wait on before looking again.
        /// </summary>
        public (List<Item>? Batch, Task? Wait) Take(int max, GroupCommit owner)
        {
            lock (gate)
            {
                var batch = new List<Item>();
                var mine = new HashSet<Guid>();
                for (var node = queue.First; node is not null && batch.Count < max;)
                {
                    var next = node.Next;
                    var item = node.Value;
                    if (item.Stream is not { } stream || mine.Contains(stream) || !held.Contains(stream)
                        || (item.Scope is { } scope && heldScopes.ContainsKey(scope)))
                    {
                        queue.Remove(node);
                        Interlocked.Decrement(ref owner.waiting);
                        if (item.TryStart())
                        {
                            batch.Add(item);
                            if (item.Stream is { } s && mine.Add(s)) held.Add(s);
                            if (item.Scope is { } k) heldScopes[k] = heldScopes.GetValueOrDefault(k) + 1;
                        }
                    }
                    node = next;
                }
                if (batch.Count > 0) return (batch, null);
                if (closed && queue.Count == 0) return (null, null);
                return (null, changed.Task);
            }
        }

        /// <summary>The batch committed or failed: its streams are free for the waiting commands.</summary>
        public void Release(List<Item> batch)
        {
            lock (gate)
            {
                foreach (var item in batch)
                {
                    if (item.Stream is { } stream) held.Remove(stream);
                    if (item.Scope is { } scope && --heldScopes[scope] == 0) heldScopes.Remove(scope);
                }
                Signal();
            }
        }

        private void Signal()
        {
            var old = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            old.TrySetResult();
        }
    }

    private async Task WriteAsync(NpgsqlDataSource source, Lane lane)
    {
        while (true)
        {
            var (batch, wait) = lane.Take(MaxBatch, this);
            if (batch is null)
            {
                if (wait is null) return;
                await wait.ConfigureAwait(false);
                continue;
            }
            try
            {
                await RunBatchAsync(source, batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a writer must survive anything: its commands have their own answers
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogWriterFailed(logger, ex);
                foreach (var item in batch) item.Fail(new GroupCommitFailedException(ex));
            }
            finally
            {
                lane.Release(batch);
            }
        }
    }

    private async Task RunBatchAsync(NpgsqlDataSource source, List<Item> batch)
    {
        Interlocked.Increment(ref batches);
        if (batch.Count > 1) Interlocked.Add(ref batchedCommands, batch.Count);
        for (var largest = LargestBatch; batch.Count > largest; largest = LargestBatch)
            if (Interlocked.CompareExchange(ref largestBatch, batch.Count, largest) == largest) break;
        BackOfficeTelemetry.BatchSizes.Record(batch.Count);

        var alone = batch.Count == 1;
        var done = new List<Item>(batch.Count);
        try
        {
            await using var connection = await source.OpenConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var item in batch)
            {
                if (!alone) await transaction.SaveAsync(Savepoint).ConfigureAwait(false);
                Exception? failure = null;
                try
                {
                    await item.RunAsync(connection, transaction).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // the command's own failure is its answer; its batch-mates carry on
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                }
                if (failure is null)
                {
                    // No RELEASE: the next SAVEPOINT of the same name nests, and ROLLBACK TO names the newest one. One
                    // round trip less per command; PostgreSQL keeps at most MaxBatch subtransactions open.
                    done.Add(item);
                    continue;
                }
                item.Fail(failure);
                // A batch of one has no savepoint: disposing the transaction rolls it back.
                if (!alone) await transaction.RollbackAsync(Savepoint).ConfigureAwait(false);
            }
            if (done.Count > 0) await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A lost connection, a savepoint that could not be rolled back, or a failed COMMIT: nothing of this batch is
            // known to be committed, and nothing of it was acknowledged. Those that already failed keep their own answer.
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var item in batch) item.Fail(new GroupCommitFailedException(ex));
            return;
        }
        foreach (var item in done) item.Complete();
    }

    private abstract class Item
    {
        private const int Queued = 0, Started = 1, Dropped = 2;
        private readonly ExecutionContext? context;
        private int state;

        protected Item(Guid? stream, string? scope, ExecutionContext? context)
        {
            Stream = stream;
            Scope = scope;
            this.context = context;
        }

        /// <summary>The stream the command locks, when known.</summary>
        public Guid? Stream { get; }

        /// <summary>The command's idempotency scope, when it has one.</summary>
        public string? Scope { get; }

        /// <summary>False when the command was dropped (its caller gave up) before a writer took it.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref state, Started, Queued) == Queued;

        protected bool TryDrop() => Interlocked.CompareExchange(ref state, Dropped, Queued) == Queued;

        public Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            if (context is null) return InvokeAsync(connection, transaction);
            Task? task = null;
            ExecutionContext.Run(context, _ => task = InvokeAsync(connection, transaction), null);
            return task!;
        }

        protected abstract Task InvokeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Item<T> : Item
    {
        private readonly Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work;
        private readonly CancellationTokenRegistration registration;
        private T? result;

        public Item(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, Guid? stream, string? scope, ExecutionContext? context,
            CancellationToken cancellation)
            : base(stream, scope, context)
        {
            this.work = work;
            if (cancellation.CanBeCanceled)
                registration = cancellation.Register(() =>
                {
                    if (TryDrop()) Completion.TrySetCanceled(cancellation);
                });
        }

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task InvokeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
            => result = await work(connection, transaction).ConfigureAwait(false);

        public override void Complete()
        {
            registration.Dispose();
            Completion.TrySetResult(result!);
        }

        public override void Fail(Exception exception)
        {
            registration.Dispose();
            Completion.TrySetException(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} commands did not commit; each of them is answered with an error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit writer failed")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);
}

/// <summary>
/// A command's batch did not commit (its connection was lost, or its <c>COMMIT</c> failed): the command was not
/// acknowledged and may or may not be stored; retrying it with its <c>Idempotency-Key</c> is safe. The cause is the
/// inner exception (a lost connection is answered 503 <c>unavailable</c>).
/// </summary>
public sealed class GroupCommitFailedException : Exception
{
    /// <summary>A batch's failure.</summary>
    public GroupCommitFailedException() : base("The command's batch did not commit.") { }

    /// <summary>A batch's failure, with its message.</summary>
    public GroupCommitFailedException(string message) : base(message) { }

    /// <summary>A batch's failure and its cause.</summary>
    public GroupCommitFailedException(Exception inner) : base("The command's batch did not commit.", inner) { }

    /// <summary>A batch's failure, with its message and cause.</summary>
    public GroupCommitFailedException(string message, Exception inner) : base(message, inner) { }
}
