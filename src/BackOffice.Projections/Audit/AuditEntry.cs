using System.Text.Json;

namespace BackOffice.Projections.Audit;

/// <summary>
/// One row of the audit trail: who did what, when, why, under which correlation — one per stored event, keyed by the
/// event's global sequence number. Derived data: dropped and rebuilt from the events, it comes back identical.
/// Events carry no personal data (see ADR 8), so neither does the trail.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The event's sequence number (the document id; the trail's cursor).</summary>
    public long Id { get; init; }
    /// <summary>The stream the event belongs to.</summary>
    public Guid StreamId { get; init; }
    /// <summary>The stream's type (e.g. <c>supply_item</c>), when known.</summary>
    public string? StreamType { get; init; }
    /// <summary>The event's version within its stream.</summary>
    public long Version { get; init; }
    /// <summary>The stored event name (e.g. <c>stock_issued_v1</c>).</summary>
    public string Type { get; init; } = "";
    /// <summary>When the event was recorded.</summary>
    public DateTimeOffset Timestamp { get; init; }
    /// <summary>The acting user.</summary>
    public string? User { get; init; }
    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }
    /// <summary>The causation id.</summary>
    public string? CausationId { get; init; }
    /// <summary>The audit reason (the <c>reason</c> header).</summary>
    public string? Reason { get; init; }
    /// <summary>The tenant.</summary>
    public string Tenant { get; init; } = "";
    /// <summary>The event's payload.</summary>
    public JsonElement Data { get; init; }
}
