using System.Net.Sockets;
using Npgsql;
using Wolverine.Runtime;

namespace BackOffice.Api.Workflows;

/// <summary>
/// Starts Wolverine's hosted services so that the API starts even while PostgreSQL is unreachable (it answers 503
/// meanwhile, as it does for everything else). Wolverine has no setting for that (its start-up writes to its node and
/// envelope tables unconditionally), so this waits for the database itself: it probes PostgreSQL and starts Wolverine
/// only once the probe succeeds, in the background every few seconds while it does not. With the database up,
/// Wolverine starts before the host serves requests, as usual. A start that fails after a successful probe is not
/// retried (a half-started Wolverine runtime reports itself started): the host is stopped so that its supervisor
/// restarts it (ADR 9).
/// </summary>
internal sealed partial class WorkflowsStart(IReadOnlyList<IHostedService> inner, NpgsqlDataSource database,
    IHostApplicationLifetime lifetime, ILogger<WorkflowsStart> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IHostedService> started = [];
    private Task? retrying;
    private int stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(false, cancellationToken).ConfigureAwait(false))
            retrying = Task.Run(RetryAsync, CancellationToken.None);
    }

    private async Task RetryAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (await TryStartAsync(true, stopping.Token).ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> TryStartAsync(bool inBackground, CancellationToken cancellation)
    {
        try
        {
            await using var probe = await database.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDatabaseUnreachable(ex))
        {
            LogDatabaseUnreachable(logger, ex, RetryEvery.TotalSeconds);
            return false;
        }
        try
        {
            foreach (var service in inner)
            {
                await service.StartAsync(cancellation).ConfigureAwait(false);
                started.Add(service);
            }
        }
        catch (Exception ex) when (inBackground && !cancellation.IsCancellationRequested)
        {
            LogStartFailed(logger, ex);
            lifetime.StopApplication();
        }
        return true;
    }

    /// <remarks>
    /// Runs once: a test host's factory may stop (or dispose, then stop) the same host twice.
    /// </remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        await stopping.CancelAsync().ConfigureAwait(false);
        if (retrying is not null) await retrying.ConfigureAwait(false);
        for (var i = started.Count - 1; i >= 0; i--) await started[i].StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0) stopping.Cancel();
        stopping.Dispose();
    }

    private static bool IsDatabaseUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is SocketException or TimeoutException || (e is NpgsqlException n && n is not PostgresException)) return true;
        return ex is AggregateException a && a.InnerExceptions.Any(IsDatabaseUnreachable);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Wolverine failed to start after PostgreSQL came back; stopping the host so that it is restarted")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Wolverine could not start: PostgreSQL is unreachable. Retrying every {Seconds} s; workflows wait meanwhile")]
    private static partial void LogDatabaseUnreachable(ILogger logger, Exception exception, double seconds);

    /// <summary>
    /// Replaces the hosted services that <c>UseWolverine</c> registered (the public <see cref="WolverineRuntime"/> and its
    /// companions, found by the runtime's assembly) by one <see cref="WorkflowsStart"/> that starts them in order. Should
    /// a Wolverine upgrade register them differently, start-up fails here instead of workflows silently never running.
    /// </summary>
    internal static void Wrap(IServiceCollection services)
    {
        var wolverine = typeof(WolverineRuntime).Assembly;
        var descriptors = services.Where(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationFactory?.Method.DeclaringType?.Assembly == wolverine || d.ImplementationType?.Assembly == wolverine)).ToList();
        if (descriptors.Count == 0)
            throw new InvalidOperationException("Wolverine registered no hosted service: call UseWolverine before WorkflowsStart.Wrap, and re-check ADR 9 after a Wolverine upgrade.");
        foreach (var d in descriptors) services.Remove(d);
        services.AddSingleton<IHostedService>(sp => new WorkflowsStart(
            [.. descriptors.Select(d => d.ImplementationFactory is { } f ? (IHostedService)f(sp) : (IHostedService)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!))],
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<WorkflowsStart>>()));
    }
}
