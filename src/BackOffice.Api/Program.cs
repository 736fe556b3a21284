using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Api.Hosting;
using BackOffice.Api.Idempotency;
using BackOffice.Api.Workflows;
using BackOffice.Api.Identity;
using BackOffice.Api.Audit;
using BackOffice.Api.Equipment;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.Inventory;
using BackOffice.Api.Ledger;
using BackOffice.Api.PersonalData;
using BackOffice.Api.People;
using BackOffice.Api.Recruiting;
using BackOffice.Api.HelpDesk;
using BackOffice.Api.Intranet;
using BackOffice.Api.Integration;
using BackOffice.Api.Telemetry;
using BackOffice.Api.WebConsole;
using BackOffice.Api.Demo;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;

var builder = WebApplication.CreateBuilder(args);

if (!builder.Environment.IsDevelopment())
    builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);   // structured logs: correlation id, tenant, user in scopes
builder.Services.AddHttpLogging(o =>
{
    // Method, path, status and duration only: no headers, query strings or bodies (they may carry personal data or keys).
    o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    o.CombineLogs = true;
});
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = BodySizeLimit.MaxBodyBytes;
    k.AddServerHeader = false;   // no Server header: nothing to fingerprint
});
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    o.SerializerOptions.AllowDuplicateProperties = false;
    // A field the route does not know (a typo such as "quantiy") is an error, never silently ignored.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
    c.ProblemDetails.Extensions.Remove("traceId");
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddBackOfficeDemo(builder.Configuration, builder.Environment);   // Development: the demo clock and seeder (ADR 23)
builder.Services.AddScoped<RequestContext>();
builder.Services.AddSingleton<GroupCommit>();   // on unless BackOffice:Commands:GroupCommit=false (ADR 25)
builder.Services.AddScoped<CommandExecutor>();
builder.Services.AddScoped<CommandOutbox>();
builder.Services.AddSingleton<IdempotencyBodyHashKey>();
builder.Services.AddSingleton<IdempotencyPurge>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPurge>());
builder.Services.AddScoped<SupportRequestCommands>();
builder.Services.AddBackOfficeIdentity(builder.Configuration, builder.Environment);
ProductionGuards.Check(builder.Configuration, builder.Environment);
builder.Services.AddBackOfficeStore(builder.Configuration);
builder.Services.AddFrontDesk();
builder.Services.AddWebhooks(builder.Configuration);
builder.Host.AddBackOfficeWorkflows(builder.Configuration);
builder.Services.AddBackOfficeOpenApi();
builder.Services.AddBackOfficeRateLimiting(builder.Configuration);
builder.Services.AddBackOfficeTelemetry(builder.Configuration);   // OTLP traces and metrics, only when an endpoint is set
builder.Services.AddBackOfficeConsole();   // the web console at /console (cookie sessions, antiforgery, static SSR)
Validation.UseCamelCasePropertyNames();

var app = builder.Build();

app.UseMiddleware<RequestContextMiddleware>();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
app.Use(DatabaseStartState.Gate);   // 503 until Marten and Wolverine have started (PostgreSQL down at start-up)
app.UseBodySizeLimit();
// The Swagger UI's static pages are public by choice, served before authentication (the fallback policy closes everything else).
app.UseSwaggerUI();
app.UseAuthentication();
app.Use(RequestContextMiddleware.CaptureIdentity);
app.UseHttpLogging();
app.UseRateLimitHeaders();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();   // the console's forms (API routes bind no form)
app.UseMiddleware<IdempotencyMiddleware>();

// Anonymous by explicit choice (the fallback authorization policy closes every route that names no policy).
app.MapSwagger().AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = CachedReadiness.WriteAsync }).AllowAnonymous();
app.MapInventory();
app.MapAudit();
app.MapPersonalData();
app.MapRecruiting();
app.MapPeople();
app.MapLedger();
app.MapEquipment();
app.MapFrontDesk();
app.MapHelpDesk();
app.MapIntranet();
app.MapConsole();
app.MapIntegration();
if (await DocumentExport.ExportIfAskedAsync(app).ConfigureAwait(false)) return;   // build-time export of the served document (ADR 21)
app.PrintDevelopmentKeys();

await app.RunAsync().ConfigureAwait(false);

/// <summary>The API host (public for the integration tests' host factory).</summary>
public partial class Program;
