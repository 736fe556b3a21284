using System.Globalization;
using System.Text;
using System.Text.Json;
using BackOffice.Api.Identity;
using Marten;

namespace BackOffice.Api.Audit;

/// <summary>
/// <c>GET /api/audit/export?format=csv|ndjson&amp;…filters</c>: the whole matching trail, written row by row as the
/// database streams it (Marten's <c>ToAsyncEnumerable</c> over one reader); nothing is held in memory.
/// </summary>
public static class ExportAuditEventsEndpoint
{
    private static readonly string[] Columns =
        ["sequence", "streamId", "streamType", "version", "type", "timestamp", "user", "correlationId", "causationId", "reason", "data"];

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/export", (HttpContext http, IDocumentStore store, RequestContext request) => Export(http, store, request))
            .RequireAuthorization(Roles.AnyOf(Roles.Auditor))
            .WithName("ExportAuditEvents")
            .WithSummary("Export the audit trail as CSV or NDJSON (streamed)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson")
            .WithMetadata([.. AuditFilter.QueryParameters, new DeclaredQueryParameter("format", "csv or ndjson (required).", Microsoft.OpenApi.JsonSchemaType.String)])
            .ProducesReadProblems();

    /// <summary>The export of the matching trail of <paramref name="request"/>'s tenant (the API route and the console's export links).</summary>
    internal static IResult Export(HttpContext http, IDocumentStore store, RequestContext request)
    {
        var format = http.Request.Query["format"].ToString();
        var (filter, errors) = AuditFilter.Parse(http.Request.Query);
        if (format is not ("csv" or "ndjson")) errors["format"] = ["format must be csv or ndjson."];
        if (filter is null || errors.Count > 0) return AuditFilter.Invalid(errors);
        return Results.Stream(async body =>
        {
            await using var session = store.QuerySession(request);
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024);
            if (format == "csv") await writer.WriteLineAsync(string.Join(',', Columns)).ConfigureAwait(false);
            var count = 0;
            await foreach (var entry in filter.Apply(session).ToAsyncEnumerable(http.RequestAborted).ConfigureAwait(false))
            {
                var view = AuditEventView.From(entry);
                await writer.WriteLineAsync(format == "csv" ? Csv(view) : JsonSerializer.Serialize(view, NdJson.Options)).ConfigureAwait(false);
                if (++count % 500 == 0) await writer.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            }
        }, format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson",
        $"audit-{request.Tenant}.{format}");
    }

    private static string Csv(AuditEventView e)
    {
        string[] cells =
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture), e.StreamId.ToString(), e.StreamType ?? "",
            e.Version.ToString(CultureInfo.InvariantCulture), e.Type, e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.User ?? "", e.CorrelationId ?? "", e.CausationId ?? "", e.Reason ?? "", e.Data.GetRawText(),
        ];
        return string.Join(',', cells.Select(Escape));
    }

    /// <summary>RFC 4180 quoting; a cell starting with a formula character is prefixed with <c>'</c> (CSV injection).</summary>
    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}

/// <summary>JSON options for NDJSON lines (web defaults: camelCase).</summary>
internal static class NdJson
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
