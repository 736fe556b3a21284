using BackOffice.Api.Commands;
using BackOffice.Api.Idempotency;
using BackOffice.Api.Integration;
using BackOffice.Projections;
using BackOffice.Projections.Audit;
using BackOffice.Projections.PersonalData;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Wolverine.Marten;

namespace BackOffice.Api.Hosting;

/// <summary>The store: PostgreSQL data sources, Marten with the BackOffice registration, Wolverine's message storage, readiness.</summary>
public static class StoreSetup
{
    /// <summary>Registers the PostgreSQL data source, Marten with the BackOffice registration, and the readiness check.</summary>
    public static IServiceCollection AddBackOfficeStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration["BACKOFFICE_CONNECTION"] ?? configuration.GetConnectionString("BackOffice")
            ?? throw new InvalidOperationException("Set BACKOFFICE_CONNECTION (or ConnectionStrings:BackOffice) to a PostgreSQL connection string.");
        var tuned = TenantDatabases.Tune(connection);
        var dataSource = new NpgsqlDataSourceBuilder(tuned).Build();
        services.AddSingleton(dataSource);
        // Conjoined: every tenant in that database. DatabasePerTenant (ADR 26): each tenant in the database it is mapped to.
        var databases = TenantDatabases.From(configuration, tuned, dataSource);
        services.AddSingleton(databases);
        services.AddSingleton(sp => new CommandConnections(databases,
            sp.GetRequiredService<IConfiguration>().GetValue("BackOffice:LockTimeoutMs", 5000)));
        services.AddSingleton(sp => new HashChainSettings(AuditKeys.CurrentKeyId(configuration), AuditKeys.All(configuration))
        {
            CheckpointEvery = configuration.GetValue("BackOffice:Audit:CheckpointEvery", 1000),
            CheckpointInterval = configuration.GetValue("BackOffice:Audit:CheckpointInterval", TimeSpan.FromMinutes(5)),
            Time = sp.GetRequiredService<TimeProvider>(),
        });
        services.AddSingleton<IPersonalDataStore>(sp => new PersonalDataStore(sp.GetServices<IPersonalDataScrubber>()));
        var schema = configuration["BackOffice:Schema"] ?? BackOfficeOptions.DefaultSchemaName;
        var daemon = Enum.Parse<DaemonMode>(configuration["BackOffice:Daemon"] ?? nameof(DaemonMode.HotCold));
        var managed = daemon != DaemonMode.Disabled && Workflows.Workflows.IsBalanced(configuration);
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                if (databases.Mode == TenancyMode.Conjoined) options.Connection(dataSource);
                else
                    options.MultiTenantedDatabases(tenancy =>
                    {
                        foreach (var database in databases.All)
                            tenancy.AddMultipleTenantDatabase(database.ConnectionString, database.Id).ForTenants([.. database.Tenants]);
                    });
                // Never Marten's default logger: it writes parameter values (personal data) of failed commands.
                options.Logger(new ParameterFreeMartenLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));
                options.DatabaseSchemaName = schema;
                options.AddBackOffice(backOffice => backOffice.SchemaName = schema);
                options.AddIdempotencyRecords();
                options.AddWebhookTables();
                options.AddBackOfficeHashChain(sp.GetRequiredService<HashChainSettings>());
                options.Events.TimeProvider = sp.GetRequiredService<TimeProvider>();
                // Look for new events more often than Marten's defaults (250 ms busy / 1 s idle): the dashboards and the
                // audit trail should trail a command by well under a second (see docs/benchmarks.md).
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(configuration.GetValue("BackOffice:Projections:FastPollingMs", 100));
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(configuration.GetValue("BackOffice:Projections:SlowPollingMs", 250));
                return options;
            })
            .UseLightweightSessions()
            // Wolverine's envelope tables (transactional outbox and inbox) live in the same database and schema.
            .IntegrateWithWolverine(w =>
            {
                w.MessageStorageSchemaName = schema;
                // Database per tenant: Wolverine's nodes and untenanted envelopes in the main database, each tenant's
                // envelopes (the outbox of its commands, its scheduled messages) in the tenant's database.
                if (databases.Mode == TenancyMode.DatabasePerTenant) w.MasterDataSource = dataSource;
                // Several nodes (ADR 24): Wolverine's leader assigns every async projection and the hash chain
                // subscription to exactly one live node, and moves them when that node dies (its heartbeat goes stale).
                w.UseWolverineManagedEventSubscriptionDistribution = managed;
            });
        if (configuration.GetValue("BackOffice:ApplySchemaOnStartup", true)) marten.ApplyAllDatabaseChangesOnStartup();
        // Without Wolverine's distribution (Solo durability: one node, tests), Marten's own daemon runs them: HotCold by
        // default (one node holding an advisory lock runs them all), Solo in tests.
        if (!managed && daemon != DaemonMode.Disabled) marten.AddAsyncDaemon(daemon);
        services.AddHostedService<SchemaSummary>();   // one line at start-up: database, schema, object count
        // Readiness answers from a result at most a second old: probes, however many, cannot load the database.
        services.AddSingleton<DatabaseStartState>();
        services.AddSingleton(sp => new CachedReadiness(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DatabaseStartState>()));
        services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "postgresql", sp => sp.GetRequiredService<CachedReadiness>(), failureStatus: null, tags: ["ready"]));
        return services;
    }
}
