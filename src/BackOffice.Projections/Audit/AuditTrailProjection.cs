using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BackOffice.Projections.Audit;

/// <summary>
/// The audit trail: an async projection of every event into <see cref="AuditEntry"/> documents of the event's tenant.
/// Uses only the event and its stored metadata (never the clock), so a rebuild gives the same rows. Rows are only ever
/// inserted, never upserted: each event gets exactly one row, written in the daemon transaction that records the
/// projection's progress, and a rebuild starts from an emptied table — which lets Marten write a rebuild's pages with
/// binary <c>COPY</c> (<c>RebuildWithBulkCopy</c>).
/// </summary>
internal sealed partial class AuditTrailProjection : EventProjection
{
    /// <summary>Creates the projection.</summary>
    public AuditTrailProjection()
    {
        Name = AuditTrail.ProjectionName;
        IncludeArchivedEvents = true;
    }

    /// <inheritdoc />
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(e);
        var data = JsonSerializer.SerializeToElement(e.Data, e.EventType, AuditJson.Options);
        // The daemon's operations may already be the event's tenant's (a database per tenant groups the events so);
        // Marten refuses ForTenant there for a tenant that shares its database with others.
        var target = operations.TenantId == e.TenantId ? operations : operations.ForTenant(e.TenantId);
        target.Insert(new AuditEntry
        {
            Id = e.Sequence,
            StreamId = e.StreamId,
            StreamType = e.AggregateTypeName,
            Version = e.Version,
            Type = e.EventTypeName,
            Timestamp = e.Timestamp,
            User = e.UserName,
            CorrelationId = e.CorrelationId,
            CausationId = e.CausationId,
            Reason = e.GetHeader(AuditTrail.ReasonHeader)?.ToString(),
            Tenant = e.TenantId,
            Data = data,
        });
        return ValueTask.CompletedTask;
    }
}

/// <summary>Names of the audit trail read model.</summary>
public static class AuditTrail
{
    /// <summary>The projection's name (for rebuilds: <c>daemon.RebuildProjectionAsync("AuditTrail", …)</c>).</summary>
    public const string ProjectionName = "AuditTrail";

    /// <summary>The event header carrying the audit reason.</summary>
    public const string ReasonHeader = "reason";
}
