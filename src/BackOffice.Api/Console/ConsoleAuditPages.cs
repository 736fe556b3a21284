using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Api.Audit;
using BackOffice.Api.Identity;
using BackOffice.Api.WebConsole.Pages;
using BackOffice.Projections.Audit;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// The auditor's pages: the trail (the audit routes' own filter and query), its export (the API's export code), the
/// chain (the API's verifier) and any entity's history and state as of an instant (the API's as-of and history helpers).
/// </summary>
public static class ConsoleAuditPages
{
    /// <summary>Rows per page of the trail.</summary>
    public const int PageSize = 50;

    /// <summary>How the console shows event data and states: camelCase JSON, enums by name.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>A page of the trail and the filters that made it.</summary>
    public sealed record TrailModel(IQueryCollection Query, IReadOnlyList<AuditEventView> Items, long? Next, IReadOnlyDictionary<string, string[]> Errors);

    /// <summary>A state as of an instant: its properties, the version then, and the events since.</summary>
    public sealed record EntityModel(
        Guid Id, string? StreamType, DateTimeOffset? AsOf, AggregateHistory.History History, IReadOnlyList<KeyValuePair<string, string>>? State,
        long? VersionAsOf, bool ExistedThen, IReadOnlyList<AggregateHistory.Entry> Since);

    internal static void Map(RouteGroupBuilder console)
    {
        var auditor = Roles.AnyOf(Roles.Auditor);
        console.MapGet("/audit", async (HttpContext http, IDocumentStore store, RequestContext request) =>
            {
                var context = ConsoleContext.Of(http);
                var (filter, errors) = AuditFilter.Parse(http.Request.Query);
                if (filter is null) return (IResult)context.Render<Pages.AuditTrail>(new { Model = new TrailModel(http.Request.Query, [], null, errors) }, StatusCodes.Status400BadRequest);
                if (!http.Request.Query.ContainsKey("limit")) filter = filter with { Limit = PageSize };
                await using var session = store.QuerySession(request);
                var rows = await filter.Apply(session).Take(filter.Limit + 1).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var items = rows.Take(filter.Limit).Select(AuditEventView.From).ToList();
                return context.Render<Pages.AuditTrail>(new { Model = new TrailModel(http.Request.Query, items, rows.Count > filter.Limit ? items[^1].Sequence : null, errors) });
            })
            .RequireAuthorization(auditor);

        console.MapGet("/audit/export", (HttpContext http, IDocumentStore store, RequestContext request) => ExportAuditEventsEndpoint.Export(http, store, request))
            .RequireAuthorization(auditor);

        console.MapGet("/audit/chain", async (HttpContext http, IDocumentStore store, HashChainSettings settings, RequestContext request) =>
            {
                var verification = await HashChainVerifier.VerifyAsync(store, request.Tenant, settings, null, http.RequestAborted).ConfigureAwait(false);
                return ConsoleContext.Of(http).Render<Chain>(new { Verification = verification });
            })
            .RequireAuthorization(auditor);

        console.MapGet("/entities", (HttpContext http, [FromQuery] string? id) =>
                Guid.TryParse(id, out var streamId)
                    ? Results.Redirect($"{ConsoleSetup.Prefix}/entities/{streamId}")
                    : (IResult)ConsoleContext.Of(http).Render<EntityLookup>(new { Invalid = id is not null }, id is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest))
            .RequireAuthorization(auditor);

        console.MapGet("/entities/{id:guid}", async (Guid id, [FromQuery] string? asOf, HttpContext http, IDocumentStore store, RequestContext request) =>
            {
                var context = ConsoleContext.Of(http);
                DateTimeOffset? at = null;
                if (!string.IsNullOrWhiteSpace(asOf))
                {
                    if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                        return (IResult)context.Render<EntityLookup>(new { Invalid = true }, StatusCodes.Status400BadRequest);
                    at = parsed;
                }
                await using var session = store.QuerySession(request);
                var history = await AggregateHistory.Of(session, id, http.RequestAborted).ConfigureAwait(false);
                if (history is null) return context.Render<EntityLookup>(new { Invalid = false, Unknown = id }, StatusCodes.Status404NotFound);
                var stream = await session.Events.FetchStreamStateAsync(id, http.RequestAborted).ConfigureAwait(false);
                var streamType = stream?.AggregateType;
                var when = at ?? history.Items[^1].Timestamp;
                IReadOnlyList<KeyValuePair<string, string>>? state = null;
                long? version = null;
                var existed = history.Items[0].Timestamp <= when;
                if (Evolver(streamType) is { } evolve
                    && await AggregateHistory.AsOf<object>(session, id, when, evolve, http.RequestAborted).ConfigureAwait(false) is { } folded)
                {
                    state = Properties(folded.State);
                    version = folded.Version;
                }
                var since = history.Items.Where(e => e.Timestamp > when).ToList();
                var name = streamType?.Name;
                return context.Render<Entity>(new { Model = new EntityModel(id, name, at, history, state, version, existed, since) });
            })
            .RequireAuthorization(auditor);
    }

    /// <summary>The event data as the console shows it (compact JSON).</summary>
    public static string DataOf(object data) => data is JsonElement json ? json.GetRawText() : JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>The aggregate's own <c>static Evolve(state?, event)</c> (the domain's rule), as an untyped fold step.</summary>
    private static Func<object?, object, object?>? Evolver(Type? aggregate)
    {
        var method = aggregate?.GetMethod("Evolve", BindingFlags.Public | BindingFlags.Static, [aggregate, typeof(object)]);
        if (method is null) return null;
        return (state, e) => method.Invoke(null, [state, e]);
    }

    /// <summary>A state's top-level properties (camelCase names, values as compact JSON or text).</summary>
    private static List<KeyValuePair<string, string>> Properties(object state)
    {
        var json = JsonSerializer.SerializeToElement(state, state.GetType(), Json);
        return json.ValueKind != JsonValueKind.Object
            ? [new("value", json.GetRawText())]
            : [.. json.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))];
    }
}
