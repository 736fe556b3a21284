using System.Collections.Concurrent;
using System.Threading.Channels;
using BackOffice.Api.Telemetry;
using Npgsql;

namespace BackOffice.Api.Commands;

/// <summary>
/// Group commit by natural batching (ADR 25), when <c>BackOffice:Commands:GroupCommit</c> is on: commands are queued
/// per data source and run by a few batch writers (<c>BackOffice:Commands:Writers</c>), each on one connection. A writer
/// that is idle takes the first waiting command and every other command already waiting (up to
/// <c>BackOffice:Commands:MaxBatch</c>), never waiting for more: at low load a batch is one command. The commands of a
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

    /// <summary>Reads <c>BackOffice:Commands:GroupCommit</c> (default off), <c>:MaxBatch</c> (16) and <c>:Writers</c> (8).</summary>
    public GroupCommit(IConfiguration configuration, ILogger<GroupCommit> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.logger = logger;
        Enabled = configuration.GetValue("BackOffice:Commands:GroupCommit", false);
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
    /// <param name="work">The command; it must not commit, roll back or dispose the transaction.</param>
    /// <param name="cancellation">Drops the command while it waits; ignored once it runs.</param>
    public Task<T> RunAsync<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(disposed, this);
        var item = new Item<T>(work, ExecutionContext.Capture(), cancellation);
        var lane = lanes.GetOrAdd(dataSource, source => new Lane(this, source));
        Interlocked.Increment(ref waiting);
        if (!lane.Queue.Writer.TryWrite(item))
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
        foreach (var lane in lanes.Values) lane.Queue.Writer.TryComplete();
        await Task.WhenAll(lanes.Values.SelectMany(l => l.Writers)).ConfigureAwait(false);
    }

    private sealed class Lane
    {
        public Lane(GroupCommit owner, NpgsqlDataSource source)
        {
            // The writers must not keep the flow of the request that happened to create the lane (its HttpContext, its
            // activity): each command runs under its own submitter's context, the writers' loops under none.
            using (ExecutionContext.SuppressFlow())
            {
                Writers = Enumerable.Range(0, owner.Writers)
                    .Select(_ => Task.Run(() => owner.WriteAsync(source, Queue.Reader)))
                    .ToArray();
            }
        }

        public Channel<Item> Queue { get; } = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });

        public Task[] Writers { get; }
    }

    private async Task WriteAsync(NpgsqlDataSource source, ChannelReader<Item> queue)
    {
        var batch = new List<Item>(MaxBatch);
        while (await queue.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.TryRead(out var item))
            {
                Interlocked.Decrement(ref waiting);
                if (item.TryStart()) batch.Add(item);
            }
            if (batch.Count == 0) continue;
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

        protected Item(ExecutionContext? context) => this.context = context;

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

        public Item(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, ExecutionContext? context, CancellationToken cancellation) : base(context)
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
