using BackOffice.Api.Equipment;
using BackOffice.Api.Recruiting;
using BackOffice.Api.HelpDesk;
using JasperFx;
using JasperFx.CodeGeneration;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace BackOffice.Api.Workflows;

/// <summary>
/// Wolverine, for the workflows only (the HTTP path stays on minimal APIs, ADR 2): durable local queues backed by the
/// Marten database (transactional outbox and inbox), explicit handler registration, retries on contention.
/// </summary>
public static class Workflows
{
    /// <summary>
    /// Whether <c>BackOffice:Wolverine:Durability</c> is <c>Balanced</c> (several nodes): Wolverine then also distributes
    /// the async projections and the hash chain subscription among the nodes (ADR 24).
    /// </summary>
    public static bool IsBalanced(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Enum.Parse<DurabilityMode>(configuration["BackOffice:Wolverine:Durability"] ?? nameof(DurabilityMode.Solo), ignoreCase: true) == DurabilityMode.Balanced;
    }

    /// <summary>Adds Wolverine with the BackOffice workflows' handlers.</summary>
    public static IHostBuilder AddBackOfficeWorkflows(this IHostBuilder host, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(configuration);
        host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Workflows).Assembly;
            // ADR 3: handler code is generated at start-up with Roslyn (WolverineFx.RuntimeCompilation).
            opts.UseRuntimeCompilation();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
            opts.Discovery.DisableConventionalDiscovery().IncludeType(typeof(HireAcceptedCandidateHandler))
                .IncludeType(typeof(IssueConsumableStockHandler))
                .IncludeType(typeof(CheckServiceLevelHandler)).IncludeType(typeof(CloseResolvedSupportRequestHandler))
                .IncludeType(typeof(OpenEscalatedFaultTicketHandler));
            opts.Policies.UseDurableLocalQueues();
            // Solo (default): this node owns every stored envelope; recovery at start-up reclaims them all. A cluster of
            // several API nodes sets BackOffice:Wolverine:Durability=Balanced (leader election through the database;
            // Wolverine then also assigns the async projections and the hash chain to the nodes, ADR 24). The hire handler
            // is idempotent either way.
            opts.Durability.Mode = Enum.Parse<DurabilityMode>(configuration["BackOffice:Wolverine:Durability"] ?? nameof(DurabilityMode.Solo));
            // Balanced (ADR 24): a node that stops writing its heartbeat for StaleNodeSeconds is declared dead by the
            // leader, which hands its agents (async projections, the hash chain, durability: scheduled and orphaned
            // envelopes) to the live nodes. Wolverine's defaults (10 s heartbeat, 60 s stale) would take over a minute.
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(configuration.GetValue("BackOffice:Wolverine:HeartbeatSeconds", 3.0));
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(configuration.GetValue("BackOffice:Wolverine:StaleNodeSeconds", 15.0));
            // Like the rest of the host, Wolverine must start while PostgreSQL is down (requests answer 503 meanwhile).
            // Scheduled messages (help-desk deadlines, ADR 16) are polled from PostgreSQL: this is how late one fires at most.
            var polling = TimeSpan.FromSeconds(configuration.GetValue("BackOffice:Wolverine:ScheduledPollingSeconds", 5.0));
            opts.Durability.ScheduledJobPollingTime = polling;
            opts.Durability.ScheduledJobFirstExecution = polling < TimeSpan.FromSeconds(1) ? polling : TimeSpan.FromSeconds(1);
            // A second host on the same database that must not take the node's stored envelopes (test variants) turns the
            // durability agent off: it then neither recovers nor polls scheduled envelopes.
            opts.Durability.DurabilityAgentEnabled = configuration.GetValue("BackOffice:Wolverine:DurabilityAgent", true);
            opts.ResourceMigrationFailureMode = ResourceMigrationFailureMode.ContinueOnFailures;
            opts.AutoBuildMessageStorageOnStartup = configuration.GetValue("BackOffice:ApplySchemaOnStartup", true) ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            opts.OnException<ConcurrencyException>().RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            opts.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        });
        return host.ConfigureServices(Hosting.DatabaseStart.Wrap);
    }
}
