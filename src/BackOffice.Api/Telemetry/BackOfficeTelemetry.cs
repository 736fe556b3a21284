using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BackOffice.Api.Telemetry;

/// <summary>
/// BackOffice's own telemetry: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named <c>BackOffice</c>.
/// A span per command (tags <c>backoffice.tenant</c>, <c>backoffice.command</c>, <c>http.route</c>, <c>backoffice.outcome</c>);
/// counters <c>backoffice.commands</c>, <c>backoffice.command.conflicts</c>, <c>backoffice.idempotent_replays</c>; the
/// projection lag gauges (<see cref="ProjectionLagMeter"/>); the hash chain verification instruments (recorded by the
/// projections' verifier, same meter name).
/// Exported over OTLP, with ASP.NET Core, Npgsql, Marten and Wolverine instrumentation, only when an endpoint is
/// configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>BackOffice:Telemetry:OtlpEndpoint</c>); otherwise nothing
/// listens and the instruments cost next to nothing.
/// </summary>
public static class BackOfficeTelemetry
{
    /// <summary>The name of BackOffice's activity source and meter.</summary>
    public const string Name = "BackOffice";

    /// <summary>Spans of BackOffice's commands.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Commands run, by tenant, command and outcome (<c>ok</c>, <c>replayed</c>, or the problem code).</summary>
    internal static readonly Counter<long> Commands = Meter.CreateCounter<long>("backoffice.commands", "{command}", "Commands run, by outcome");

    /// <summary>Concurrency conflicts: an attempt retried after contention, a version mismatch, or retries exhausted.</summary>
    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("backoffice.command.conflicts", "{conflict}", "Concurrency conflicts met by commands");

    /// <summary>Commands answered from an earlier identical request (Idempotency-Key).</summary>
    internal static readonly Counter<long> IdempotentReplays = Meter.CreateCounter<long>("backoffice.idempotent_replays", "{command}", "Commands answered by replaying the committed answer");

    /// <summary>Commands per transaction when group commit is on (ADR 25): 1 at low load.</summary>
    internal static readonly Histogram<int> BatchSizes = Meter.CreateHistogram<int>("backoffice.command.batch_size", "{command}", "Commands per group-commit transaction");

    /// <summary>The OTLP endpoint configured, if any.</summary>
    public static string? OtlpEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["BackOffice:Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint)) endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return string.IsNullOrWhiteSpace(endpoint) ? null : endpoint;
    }

    /// <summary>Registers OpenTelemetry tracing and metrics exported over OTLP, when an endpoint is configured.</summary>
    public static IServiceCollection AddBackOfficeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<ProjectionLagMeter>();   // reads nothing while nothing listens
        if (OtlpEndpoint(configuration) is not { } endpoint) return services;
        var uri = new Uri(endpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "backoffice-api"))
            .WithTracing(t => t
                .AddSource(Name, "Marten", "Wolverine")
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = uri))
            .WithMetrics(m => m
                .AddMeter(Name, "Marten", "Wolverine*", "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = uri));
        return services;
    }

    /// <summary>Starts the span of a command (null when nothing listens).</summary>
    internal static Activity? StartCommand(HttpContext http, string tenant)
    {
        var (command, route) = Describe(http);
        var activity = Source.StartActivity("command " + command);
        activity?.SetTag("backoffice.tenant", tenant);
        activity?.SetTag("backoffice.command", command);
        activity?.SetTag("http.route", route);
        return activity;
    }

    /// <summary>Ends a command: the outcome on its span and in the counters.</summary>
    internal static void Record(Activity? activity, HttpContext http, string tenant, string outcome)
    {
        var (command, _) = Describe(http);
        activity?.SetTag("backoffice.outcome", outcome);
        if (outcome is not ("ok" or "replayed")) activity?.SetStatus(ActivityStatusCode.Error, outcome);
        var tags = new TagList { { "backoffice.tenant", tenant }, { "backoffice.command", command }, { "backoffice.outcome", outcome } };
        Commands.Add(1, tags);
        if (outcome == "replayed") IdempotentReplays.Add(1, new TagList { { "backoffice.tenant", tenant }, { "backoffice.command", command } });
    }

    /// <summary>Counts a concurrency conflict of the running command (<c>retry</c>, <c>version-mismatch</c>, <c>gave-up</c>).</summary>
    internal static void Conflict(HttpContext http, string tenant, string kind)
        => Conflicts.Add(1, new TagList { { "backoffice.tenant", tenant }, { "backoffice.command", Describe(http).Command }, { "backoffice.conflict", kind } });

    private static (string Command, string Route) Describe(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var route = endpoint is RouteEndpoint r ? $"{http.Request.Method} {r.RoutePattern.RawText}" : http.Request.Method;
        var command = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? route;
        return (command, route);
    }
}
