using System.Net.Sockets;
using Npgsql;

namespace BackOffice.Api.Workflows;

/// <summary>
/// Starts Wolverine's hosted services so that the API starts even while PostgreSQL is unreachable (it answers 503
/// meanwhile, as it does for everything else): when the first start fails for want of the database, it is logged and
/// retried in the background every few seconds until it succeeds. With the database up, Wolverine starts before the
/// host serves requests, as usual.
/// </summary>
internal sealed partial class WorkflowsStart(IReadOnlyList<IHostedService> inner, ILogger<WorkflowsStart> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IHostedService> started = [];
    private Task? retrying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(cancellationToken).ConfigureAwait(false))
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
            if (await TryStartAsync(stopping.Token).ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> TryStartAsync(CancellationToken cancellation)
    {
        try
        {
            foreach (var service in inner.Except(started))
            {
                await service.StartAsync(cancellation).ConfigureAwait(false);
                started.Add(service);
            }
            return true;
        }
        catch (Exception ex) when (IsDatabaseUnreachable(ex))
        {
            LogDatabaseUnreachable(logger, ex, RetryEvery.TotalSeconds);
            return false;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (retrying is not null) await retrying.ConfigureAwait(false);
        for (var i = started.Count - 1; i >= 0; i--) await started[i].StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => stopping.Dispose();

    private static bool IsDatabaseUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is SocketException or TimeoutException || (e is NpgsqlException n && n is not PostgresException)) return true;
        return ex is AggregateException a && a.InnerExceptions.Any(IsDatabaseUnreachable);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Wolverine could not start: PostgreSQL is unreachable. Retrying every {Seconds} s; workflows wait meanwhile")]
    private static partial void LogDatabaseUnreachable(ILogger logger, Exception exception, double seconds);

    /// <summary>Replaces Wolverine's hosted services by one <see cref="WorkflowsStart"/> that starts them in order.</summary>
    internal static void Wrap(IServiceCollection services)
    {
        var wolverine = typeof(Wolverine.IMessageBus).Assembly;
        var descriptors = services.Where(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationFactory?.Method.DeclaringType?.Assembly == wolverine || d.ImplementationType?.Assembly == wolverine)).ToList();
        if (descriptors.Count == 0) return;
        foreach (var d in descriptors) services.Remove(d);
        services.AddSingleton<IHostedService>(sp => new WorkflowsStart(
            [.. descriptors.Select(d => d.ImplementationFactory is { } f ? (IHostedService)f(sp) : (IHostedService)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!))],
            sp.GetRequiredService<ILogger<WorkflowsStart>>()));
    }
}
