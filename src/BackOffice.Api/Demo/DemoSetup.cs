namespace BackOffice.Api.Demo;

/// <summary>
/// The demo data switch (ADR 23): in Development the host's clock is a <see cref="DemoClock"/> and the
/// <see cref="DemoSeeder"/> is available; with <c>BackOffice:Demo:Seed=true</c> (what <c>scripts/run.sh --demo</c> sets)
/// the seeder fills tenant <c>demo</c> once the host has started. Outside Development the switch stops the host.
/// </summary>
public static class DemoSetup
{
    /// <summary>The configuration switch.</summary>
    public const string SeedSetting = "BackOffice:Demo:Seed";

    /// <summary>Registers the demo clock and seeder (Development only) and the seeding at start-up when switched on.</summary>
    /// <exception cref="InvalidOperationException">When the switch is on outside Development.</exception>
    public static IServiceCollection AddBackOfficeDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var seed = configuration.GetValue(SeedSetting, false);
        if (!environment.IsDevelopment())
        {
            if (seed)
                throw new InvalidOperationException($"{SeedSetting} is on in {environment.EnvironmentName}: demo data is made in Development only. Turn it off.");
            return services;
        }
        services.AddSingleton<TimeProvider>(new DemoClock(TimeProvider.System));
        services.AddSingleton<DemoSeeder>();
        if (seed) services.AddHostedService<DemoSeeding>();
        return services;
    }
}

/// <summary>Seeds tenant <c>demo</c> in the background once the host has started (its failure is logged; the host runs on).</summary>
internal sealed partial class DemoSeeding(DemoSeeder seeder, IHostApplicationLifetime lifetime, ILogger<DemoSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task.ConfigureAwait(false);
        try
        {
            await seeder.SeedAsync(DemoSeeder.DefaultTenant, stoppingToken).ConfigureAwait(false);   // it logs what it did
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // demo data is a convenience: its failure is logged, the API keeps running
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo data: seeding failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
