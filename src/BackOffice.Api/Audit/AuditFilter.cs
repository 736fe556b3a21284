using System.Globalization;
using BackOffice.Projections.Audit;
using BackOffice.Api.OpenApi;
using Marten;
using Microsoft.OpenApi;

namespace BackOffice.Api.Audit;

/// <summary>
/// The audit routes' query filters: <c>streamId, user, type, from, to, correlationId, after, limit</c>.
/// <c>from</c> is inclusive, <c>to</c> exclusive; <c>after</c> is a sequence number (the previous page's <c>next</c>).
/// </summary>
public sealed record AuditFilter(
    Guid? StreamId, string? User, string? Type, DateTimeOffset? From, DateTimeOffset? To, string? CorrelationId, long? After, int Limit)
{
    /// <summary>Page size when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = 100;
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The filters, declared for the OpenAPI document (this route reads them by hand).</summary>
    public static readonly object[] QueryParameters =
    [
        new DeclaredQueryParameter("streamId", "Only this stream's events.", JsonSchemaType.String, "uuid"),
        new DeclaredQueryParameter("user", "Only events appended by this user.", JsonSchemaType.String),
        new DeclaredQueryParameter("type", "Only events of this stored type (e.g. stock_received_v1).", JsonSchemaType.String),
        new DeclaredQueryParameter("from", "From this instant (inclusive).", JsonSchemaType.String, "date-time"),
        new DeclaredQueryParameter("to", "Until this instant (exclusive).", JsonSchemaType.String, "date-time"),
        new DeclaredQueryParameter("correlationId", "Only events of this correlation id.", JsonSchemaType.String),
        new DeclaredQueryParameter("after", "After this sequence number (the previous page's next).", JsonSchemaType.Integer, "int64", 0, long.MaxValue),
        new DeclaredQueryParameter("limit", $"Events per page, 1–{MaxLimit} (default {DefaultLimit}).", JsonSchemaType.Integer, "int32", 1, MaxLimit),
    ];

    /// <summary>Parses the query string; field errors when a value is malformed.</summary>
    public static (AuditFilter? Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;

        Guid? streamId = null;
        if (Text("streamId") is { } s)
        {
            if (Guid.TryParse(s, out var g)) streamId = g;
            else errors["streamId"] = ["streamId must be a UUID."];
        }
        DateTimeOffset? Instant(string name)
        {
            if (Text(name) is not { } v) return null;
            if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
            errors[name] = [$"{name} must be an ISO 8601 instant."];
            return null;
        }
        var from = Instant("from");
        var to = Instant("to");
        long? after = null;
        if (Text("after") is { } a)
        {
            if (long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) after = n;
            else errors["after"] = ["after must be a sequence number (the previous page's next)."];
        }
        var limit = DefaultLimit;
        if (Text("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        return errors.Count > 0
            ? (null, errors)
            : (new AuditFilter(streamId, Text("user"), Text("type"), from, to, Text("correlationId"), after, limit), errors);
    }

    /// <summary>The matching entries of the session's tenant, in sequence order.</summary>
    public IQueryable<AuditEntry> Apply(IQuerySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        IQueryable<AuditEntry> q = session.Query<AuditEntry>();
        if (StreamId is { } streamId) q = q.Where(x => x.StreamId == streamId);
        if (User is { } user) q = q.Where(x => x.User == user);
        if (Type is { } type) q = q.Where(x => x.Type == type);
        if (From is { } from) q = q.Where(x => x.Timestamp >= from);
        if (To is { } to) q = q.Where(x => x.Timestamp < to);
        if (CorrelationId is { } correlation) q = q.Where(x => x.CorrelationId == correlation);
        if (After is { } after) q = q.Where(x => x.Id > after);
        return q.OrderBy(x => x.Id);
    }

    /// <summary>The 400 answer for malformed filters.</summary>
    public static IResult Invalid(Dictionary<string, string[]> errors)
        => Problem.Result(Domain.Common.ErrorCodes.ValidationFailed, "The request is invalid: " + string.Join(", ", errors.Keys) + ".", errors: errors);
}

/// <summary>One audit trail item as the contract shows it.</summary>
public sealed record AuditEventView(
    long Sequence, Guid StreamId, string? StreamType, long Version, string Type, DateTimeOffset Timestamp, string? User,
    string? CorrelationId, string? CausationId, string? Reason, System.Text.Json.JsonElement Data)
{
    internal static AuditEventView From(AuditEntry e) => new(
        e.Id, e.StreamId, e.StreamType, e.Version, e.Type, e.Timestamp, e.User, e.CorrelationId, e.CausationId, e.Reason, e.Data);
}
