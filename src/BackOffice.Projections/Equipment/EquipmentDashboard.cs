using BackOffice.Domain.Equipment;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;

namespace BackOffice.Projections.Equipment;

/// <summary>
/// One device's line of the equipment dashboard (document id: the device id), built asynchronously. It keeps the
/// device's state folded by the domain's own <see cref="Device.Evolve"/> and, from it, the figures the dashboard
/// groups per kind and per location: status, open tickets (severity and report time, for their age), next maintenance
/// due day and the device's <see cref="Reliability"/> (downtime, repair cost, MTTR, MTBF — the domain's definitions).
/// </summary>
public sealed class EquipmentDashboardItem
{
    /// <summary>The device id.</summary>
    public Guid Id { get; set; }

    /// <summary>The device's state (the domain's), as of the last event applied.</summary>
    public Device? State { get; set; }

    /// <summary>Asset tag.</summary>
    public string AssetTag { get; set; } = "";

    /// <summary>Kind.</summary>
    public DeviceKind Kind { get; set; }

    /// <summary>Location.</summary>
    public string Location { get; set; } = "";

    /// <summary>Status.</summary>
    public DeviceStatus Status { get; set; }

    /// <summary>The open tickets (severity and report time).</summary>
    public List<OpenFaultTicket> OpenTickets { get; set; } = [];

    /// <summary>Next maintenance due day.</summary>
    public DateOnly? NextMaintenanceDue { get; set; }

    /// <summary>Downtime, repair cost, MTTR and MTBF.</summary>
    public Reliability Reliability { get; set; } = Reliability.None;

    /// <summary>Consumable replacements Inventory refused (e.g. for lack of stock).</summary>
    public int RefusedReplacements { get; set; }

    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>An open fault ticket on the dashboard.</summary>
/// <param name="TicketId">Ticket.</param>
/// <param name="Severity">How bad.</param>
/// <param name="ReportedAt">When reported.</param>
/// <param name="Status">Open or UnderRepair.</param>
public sealed record OpenFaultTicket(Guid TicketId, FaultSeverity Severity, DateTimeOffset ReportedAt, TicketStatus Status);

/// <summary>Builds <see cref="EquipmentDashboardItem"/> (async, one document per device), tracked under <see cref="ProjectionName"/>.</summary>
public sealed class EquipmentDashboardProjection : StreamLine<EquipmentDashboardItem, IEquipmentEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "EquipmentDashboardItems";

    /// <summary>Takes the equipment events only.</summary>
    public EquipmentDashboardProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override EquipmentDashboardItem? Apply(EquipmentDashboardItem? snapshot, Guid id, IEvent e)
    {
        var d = snapshot ?? new EquipmentDashboardItem { Id = id };
        if (Device.Evolve(d.State, e.Data) is not { } state) return snapshot;
        d.State = state;
        d.UpdatedAt = EventTime.Of(e);
        d.AssetTag = state.AssetTag;
        d.Kind = state.Kind;
        d.Location = state.Location;
        d.Status = state.Status;
        d.OpenTickets = [.. state.Tickets.Where(t => t.Status != TicketStatus.Resolved).Select(t => new OpenFaultTicket(t.TicketId, t.Severity, t.ReportedAt, t.Status))];
        d.NextMaintenanceDue = state.NextMaintenanceDue;
        d.Reliability = state.Reliability;
        d.RefusedReplacements = state.Replacements.Count(r => r.Status == ReplacementStatus.Refused);
        return d;
    }
}
