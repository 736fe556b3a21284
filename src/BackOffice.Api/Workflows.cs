using BackOffice.Api.Recruiting;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace BackOffice.Api;

/// <summary>
/// Wolverine, for the workflows only (the HTTP path stays on minimal APIs, ADR 2): durable local queues backed by the
/// Marten database (transactional outbox and inbox), explicit handler registration, retries on contention.
/// </summary>
public static class Workflows
{
    /// <summary>Adds Wolverine with the BackOffice workflows' handlers.</summary>
    public static IHostBuilder AddBackOfficeWorkflows(this IHostBuilder host, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(configuration);
        return host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Workflows).Assembly;
            // ADR 3: handler code is generated at start-up with Roslyn (WolverineFx.RuntimeCompilation).
            opts.UseRuntimeCompilation();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
            opts.Discovery.DisableConventionalDiscovery().IncludeType(typeof(HireAcceptedCandidateHandler));
            opts.Policies.UseDurableLocalQueues();
            // One node runs the durability agent alone when the projections daemon runs Solo (tests, single nodes).
            var daemon = configuration["BackOffice:Daemon"] ?? nameof(DaemonMode.HotCold);
            opts.Durability.Mode = daemon == nameof(DaemonMode.Solo) ? DurabilityMode.Solo : DurabilityMode.Balanced;
            opts.AutoBuildMessageStorageOnStartup = configuration.GetValue("BackOffice:ApplySchemaOnStartup", true) ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            opts.OnException<ConcurrencyException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            opts.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
    }
}
