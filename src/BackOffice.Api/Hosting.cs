using BackOffice.Api.Identity;
using BackOffice.Projections;
using BackOffice.Projections.Audit;
using BackOffice.Projections.PersonalData;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Marten;

namespace BackOffice.Api;

/// <summary>Start-up pieces of the host: the store, security headers, the Development keys banner.</summary>
public static class Hosting
{
    /// <summary>Registers the PostgreSQL data source, Marten with the BackOffice registration, and the readiness check.</summary>
    public static IServiceCollection AddBackOfficeStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration["BACKOFFICE_CONNECTION"] ?? configuration.GetConnectionString("BackOffice")
            ?? throw new InvalidOperationException("Set BACKOFFICE_CONNECTION (or ConnectionStrings:BackOffice) to a PostgreSQL connection string.");
        var csb = new NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = 5;
        // Statements the store sends over and over (appends, snapshot loads, daemon reads) are prepared once per
        // connection instead of parsed and planned every time: PostgreSQL's CPU was the bottleneck (docs/benchmarks.md).
        if (!connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = 64;
            csb.AutoPrepareMinUsages = 2;
        }
        var dataSource = new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
        services.AddSingleton(dataSource);
        services.AddSingleton(sp => new Http.CommandConnections(csb.ConnectionString,
            sp.GetRequiredService<IConfiguration>().GetValue("BackOffice:LockTimeoutMs", 5000)));
        services.AddSingleton(sp => new HashChainSettings(HashChainSettings.FromKey(configuration["BackOffice:Audit:HmacKey"]).HmacKey)
        {
            CheckpointEvery = configuration.GetValue("BackOffice:Audit:CheckpointEvery", 1000),
            CheckpointInterval = configuration.GetValue("BackOffice:Audit:CheckpointInterval", TimeSpan.FromMinutes(5)),
            Time = sp.GetRequiredService<TimeProvider>(),
        });
        services.AddSingleton<IPersonalDataStore>(sp => new PersonalDataStore(sp.GetServices<IPersonalDataScrubber>()));
        var marten = services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(dataSource);
                options.DatabaseSchemaName = configuration["BackOffice:Schema"] ?? "backoffice";
                options.AddBackOffice();
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
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = configuration["BackOffice:Schema"] ?? "backoffice");
        if (configuration.GetValue("BackOffice:ApplySchemaOnStartup", true)) marten.ApplyAllDatabaseChangesOnStartup();
        // HotCold: one node of a cluster runs the async projections; single nodes and tests may say Solo.
        var daemon = Enum.Parse<DaemonMode>(configuration["BackOffice:Daemon"] ?? nameof(DaemonMode.HotCold));
        if (daemon != DaemonMode.Disabled) marten.AddAsyncDaemon(daemon);
        services.AddHealthChecks().AddNpgSql(csb.ConnectionString, name: "postgresql", tags: ["ready"]);
        return services;
    }

    /// <summary>Adds the usual security headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Set when the response starts, so that answers rewritten by the exception handler keep them.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!http.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(http).ConfigureAwait(false);
    });

    /// <summary>The largest request body accepted (1 MiB).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses a declared body over <see cref="MaxBodyBytes"/> with 413 before anything reads it (Kestrel's own
    /// limit covers chunked bodies).
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await Http.Problems.WriteAsync(http, Http.ProblemCatalog.Codes.PayloadTooLarge, "The request body must not exceed 1 MiB.").ConfigureAwait(false);
            return;
        }
        await next(http).ConfigureAwait(false);
    });

    /// <summary>In Development, prints the seeded tenants' API keys at start-up.</summary>
    public static void PrintDevelopmentKeys(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        var keys = app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine("Development API keys (header X-Api-Key):");
            foreach (var key in keys)
                Console.WriteLine($"  tenant {key.Tenant,-6} user {key.User,-16} roles {string.Join(',', key.Roles),-12} key {key.Key}");
        });
    }
}
