using BackOffice.Domain.Equipment;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BackOffice.Projections.Equipment;

/// <summary>A fault ticket as the ticket list shows it, across devices (one document per ticket, keyed by its id).</summary>
/// <param name="Id">The ticket id.</param>
/// <param name="DeviceId">The device.</param>
/// <param name="AssetTag">The device's asset tag.</param>
/// <param name="Kind">The device's kind.</param>
/// <param name="Symptom">What goes wrong.</param>
/// <param name="Severity">How bad.</param>
/// <param name="SeverityRank">0 (Low) to 3 (Critical), for ordering the list by severity.</param>
/// <param name="Status">Open, UnderRepair or Resolved.</param>
/// <param name="ReportedBy">Reporting user.</param>
/// <param name="ReportedAt">When reported (its age is measured from here).</param>
/// <param name="TroubleshootingSteps">How many troubleshooting records it has.</param>
/// <param name="Technician">Who repairs, once escalated.</param>
/// <param name="Vendor">The repairer.</param>
/// <param name="Cost">The repair's cost (money).</param>
/// <param name="ScheduledAt">When the technician is expected.</param>
/// <param name="Resolution">What resolved it.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
public sealed record FaultTicketView(
    Guid Id, Guid DeviceId, string AssetTag, DeviceKind Kind, string Symptom, FaultSeverity Severity, int SeverityRank,
    TicketStatus Status, string ReportedBy, DateTimeOffset ReportedAt, int TroubleshootingSteps,
    RepairTechnician? Technician, string? Vendor, decimal? Cost, DateTimeOffset? ScheduledAt, string? Resolution, DateTimeOffset? ResolvedAt)
{
    /// <summary>The help-desk support request escalated to this ticket, when it was opened by an escalation.</summary>
    public Guid? SupportRequestId { get; init; }

    /// <summary>Whether the ticket is still open (not resolved).</summary>
    public bool IsOpen => Status != TicketStatus.Resolved;
}

/// <summary>
/// Keeps <see cref="FaultTicketView"/> documents from the devices' ticket events. Registered inline: a ticket shows in
/// the list right after it is reported. Times come from the events, never from the clock; from the device it takes
/// only what never changes (asset tag, kind), so that a rebuild gives the same rows.
/// </summary>
public sealed class FaultTicketViewProjection : MultiStreamProjection<FaultTicketView, Guid>
{
    /// <summary>Groups every ticket event by ticket id.</summary>
    public FaultTicketViewProjection()
    {
        Identity<DeviceFaultReported>(e => e.TicketId);
        Identity<TroubleshootingRecorded>(e => e.TicketId);
        Identity<FaultEscalatedToRepair>(e => e.TicketId);
        Identity<FaultTicketResolved>(e => e.TicketId);
        Identity<FaultTicketLinkedToSupportRequest>(e => e.TicketId);
    }

    /// <inheritdoc />
    public override async ValueTask<FaultTicketView?> EvolveAsync(FaultTicketView? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(session);
        switch (e.Data)
        {
            case DeviceFaultReported r:
                var device = await session.LoadAsync<Device>(r.DeviceId, cancellation).ConfigureAwait(false);
                return new FaultTicketView(r.TicketId, r.DeviceId, device?.AssetTag ?? "", device?.Kind ?? DeviceKind.Other,
                    r.Symptom, r.Severity, (int)r.Severity, TicketStatus.Open, r.ReportedBy, r.ReportedAt, 0, null, null, null, null, null, null);
            case TroubleshootingRecorded t when snapshot is not null:
                return snapshot with { TroubleshootingSteps = snapshot.TroubleshootingSteps + 1 };
            case FaultEscalatedToRepair x when snapshot is not null:
                return snapshot with { Status = TicketStatus.UnderRepair, Technician = x.Technician, Vendor = x.Vendor, Cost = x.Cost, ScheduledAt = x.ScheduledAt };
            case FaultTicketLinkedToSupportRequest l when snapshot is not null:
                return snapshot with { SupportRequestId = l.SupportRequestId };
            case FaultTicketResolved x when snapshot is not null:
                return snapshot with { Status = TicketStatus.Resolved, Resolution = x.Resolution, ResolvedAt = x.ResolvedAt };
            default:
                return snapshot;
        }
    }
}
