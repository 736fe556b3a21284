using System.Net.Sockets;
using BackOffice.Api.Problems;
using Marten;
using Npgsql;
using Wolverine.Runtime;

namespace BackOffice.Api.Hosting;

/// <summary>
/// Starts the hosted services that need PostgreSQL — Marten's (schema migration, the async daemon's coordinator when
/// Marten coordinates it) and Wolverine's (its runtime, which also runs the Marten projections and subscriptions it
/// distributes) — so that the API starts, and recovers fully, even while PostgreSQL is unreachable. Neither has a
/// setting for that (Marten's schema migration and Wolverine's node records are written unconditionally at start-up,
/// and a failure stops the host), so this waits for the database itself: it probes PostgreSQL and starts them, in
/// registration order, only once the probe succeeds; in the background, with a backoff from 0.5 s up to 5 s, while it
/// does not (with a database per tenant, every tenant database must answer too). The web host serves meanwhile: <c>/health/ready</c> and <c>/api</c> answer 503 with <c>Retry-After</c>
/// until <see cref="DatabaseStartState.Started"/>. With the database up, they start before the host serves requests, as
/// usual. A start that fails after a successful probe is not retried (a half-started Wolverine runtime reports itself
/// started): the host is stopped so that its supervisor restarts it (ADR 9, ADR 24).
/// </summary>
internal sealed partial class DatabaseStart(IReadOnlyList<IHostedService> inner, TenantDatabases databases, DatabaseStartState state,
    IHostApplicationLifetime lifetime, ILogger<DatabaseStart> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryAtMost = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IHostedService> started = [];
    private Task? retrying;
    private int stopped;
    private int disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(false, FirstRetry, cancellationToken).ConfigureAwait(false))
        {
            var cancellation = stopping.Token;
            retrying = Task.Run(() => RetryAsync(cancellation), CancellationToken.None);
        }
    }

    private async Task RetryAsync(CancellationToken cancellation)
    {
        var delay = FirstRetry;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, RetryAtMost.Ticks));
            if (await TryStartAsync(true, delay, cancellation).ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> TryStartAsync(bool inBackground, TimeSpan next, CancellationToken cancellation)
    {
        try
        {
            // Every database: the main one and, with a database per tenant, each tenant database (Marten migrates them all).
            foreach (var database in databases.Every)
            {
                await using var probe = await database.OpenConnectionAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsDatabaseUnreachable(ex) || (ex is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            if (!cancellation.IsCancellationRequested) LogDatabaseUnreachable(logger, ex, next.TotalSeconds);
            return false;
        }
        try
        {
            foreach (var service in inner)
            {
                await service.StartAsync(cancellation).ConfigureAwait(false);
                started.Add(service);
            }
            state.Started = true;
            if (inBackground) LogStarted(logger);
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
        try
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException) { }   // disposed meanwhile: cancelled already
        if (retrying is not null) await retrying.ConfigureAwait(false);
        for (var i = started.Count - 1; i >= 0; i--) await started[i].StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// May run while <see cref="StopAsync"/> still waits for the retry loop (a test host's factory disposes and stops
    /// concurrently): the loop is cancelled and awaited before its token source is disposed.
    /// </remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        Interlocked.Exchange(ref stopped, 1);
        stopping.Cancel();
        try
        {
            retrying?.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException) { }
        stopping.Dispose();
    }

    private static bool IsDatabaseUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is SocketException or TimeoutException || (e is NpgsqlException n && n is not PostgresException)) return true;
        // PostgreSQL still starting up or shutting down (57P03 cannot_connect_now, 57P01 admin_shutdown…).
        if (ex is PostgresException pg && pg.SqlState.StartsWith("57P", StringComparison.Ordinal)) return true;
        return ex is AggregateException a && a.InnerExceptions.Any(IsDatabaseUnreachable);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Marten or Wolverine failed to start after PostgreSQL came back; stopping the host so that it is restarted")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL is unreachable: the schema, projections, hash chain and workflows wait (requests answer 503). Next probe in {Seconds} s")]
    private static partial void LogDatabaseUnreachable(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is reachable: Marten and Wolverine started; the API is ready")]
    private static partial void LogStarted(ILogger logger);

    /// <summary>
    /// Replaces the hosted services that <c>AddMarten</c> (with its daemon) and <c>UseWolverine</c> registered (found by
    /// Marten's and the Wolverine runtime's assemblies) by one <see cref="DatabaseStart"/>, in the first one's place, that
    /// starts them in registration order. Should a Wolverine upgrade register them differently, start-up fails here instead of
    /// workflows silently never running.
    /// </summary>
    internal static void Wrap(IServiceCollection services)
    {
        var wolverine = typeof(WolverineRuntime).Assembly;
        var marten = typeof(DocumentStore).Assembly;
        bool Of(ServiceDescriptor d, System.Reflection.Assembly assembly)
            => d.ImplementationFactory?.Method.DeclaringType?.Assembly == assembly || d.ImplementationType?.Assembly == assembly;
        var descriptors = services.Where(d => d.ServiceType == typeof(IHostedService) && (Of(d, wolverine) || Of(d, marten))).ToList();
        if (!descriptors.Any(d => Of(d, wolverine)))
            throw new InvalidOperationException("Wolverine registered no hosted service: call UseWolverine before DatabaseStart.Wrap, and re-check ADR 9 after a Wolverine upgrade.");
        // In the place of the first of them (Marten's schema migration), so that the hosted services registered after it
        // (webhook delivery…) still start after the schema exists when PostgreSQL is up.
        var position = services.IndexOf(descriptors[0]);
        foreach (var d in descriptors) services.Remove(d);
        services.Insert(position, ServiceDescriptor.Singleton<IHostedService>(sp => new DatabaseStart(
            [.. descriptors.Select(d => d.ImplementationInstance as IHostedService
                ?? (d.ImplementationFactory is { } f ? (IHostedService)f(sp) : (IHostedService)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!)))],
            sp.GetRequiredService<TenantDatabases>(), sp.GetRequiredService<DatabaseStartState>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<DatabaseStart>>())));
    }
}

/// <summary>Whether Marten and Wolverine have started (<see cref="DatabaseStart"/>): until then the API answers 503.</summary>
public sealed class DatabaseStartState
{
    private volatile bool started;

    /// <summary>True once the schema is migrated and Wolverine (with the projections it runs) has started.</summary>
    public bool Started
    {
        get => started;
        internal set => started = value;
    }

    /// <summary>
    /// Middleware: until the store has started, requests under <c>/api</c> and <c>/console</c> answer 503
    /// <c>unavailable</c> with <c>Retry-After</c> (the schema may not exist yet), as they do while PostgreSQL is down.
    /// </summary>
    public static Task Gate(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.RequestServices.GetRequiredService<DatabaseStartState>().Started
            || !(context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/console")))
            return next(context);
        return Problem.WriteAsync(context, ProblemCatalog.Codes.Unavailable, "The database cannot be reached yet. Retry after the delay in Retry-After.");
    }
}
