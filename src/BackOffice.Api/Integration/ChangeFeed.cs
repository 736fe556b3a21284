using System.Text.Json;
using BackOffice.Api.Audit;
using BackOffice.Projections.Audit;
using Marten;

namespace BackOffice.Api.Integration;

/// <summary>
/// One item of the change feed (and the body of a webhook delivery): a stored event of the caller's tenant, without
/// the audit metadata (user, correlation, reason). Events carry ids, never personal values (ADR 8), so neither does
/// the feed.
/// </summary>
/// <param name="Sequence">The event's global sequence number: the feed's cursor.</param>
/// <param name="StreamId">The stream (aggregate) the event belongs to.</param>
/// <param name="StreamType">The stream's type (e.g. <c>supply_item</c>), when known.</param>
/// <param name="Version">The event's version within its stream.</param>
/// <param name="Type">The stored event name (e.g. <c>stock_issued_v1</c>).</param>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Data">The event's payload as stored.</param>
public sealed record ChangeItem(long Sequence, Guid StreamId, string? StreamType, long Version, string Type, DateTimeOffset Timestamp, JsonElement Data)
{
    internal static ChangeItem From(AuditEntry e) => new(e.Id, e.StreamId, e.StreamType, e.Version, e.Type, e.Timestamp, e.Data);
}

/// <summary>
/// The change feed's source: the audit trail's rows (<see cref="AuditEntry"/>), an async projection of every event.
/// The daemon writes them page by page, each page a contiguous range of committed sequence numbers below its
/// high-water mark, which never passes a gap a live transaction may still fill (ADR 7): reading them in sequence order
/// after a cursor never skips an event whose transaction commits late (ADR 20).
/// </summary>
public static class ChangeFeed
{
    /// <summary>Page size when <c>limit</c> is absent.</summary>
    public const int DefaultLimit = AuditFilter.DefaultLimit;
    /// <summary>Largest page.</summary>
    public const int MaxLimit = AuditFilter.MaxLimit;

    /// <summary>The items of the session's tenant after <paramref name="after"/> in sequence order, optionally of some types only.</summary>
    public static IQueryable<AuditEntry> After(IQuerySession session, long after, IReadOnlyCollection<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var query = new AuditFilter(null, null, null, null, null, null, after, MaxLimit).Apply(session);
        if (types is not null) query = query.Where(x => types.Contains(x.Type));
        return query;
    }
}
