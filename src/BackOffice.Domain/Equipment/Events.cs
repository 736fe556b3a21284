namespace BackOffice.Domain.Equipment;

/// <summary>Marker for the facts of the Equipment context. Every event is a versioned public contract.</summary>
public interface IEquipmentEvent
{
    /// <summary>The device the fact belongs to (its stream id).</summary>
    Guid DeviceId { get; }
}

/// <summary>A device was added to the register.</summary>
/// <param name="DeviceId">The new device's id.</param>
/// <param name="AssetTag">Asset tag, unique per tenant.</param>
/// <param name="Kind">What sort of device it is.</param>
/// <param name="Make">Manufacturer.</param>
/// <param name="Model">Model.</param>
/// <param name="Serial">Serial number, when known.</param>
/// <param name="Location">Where it stands.</param>
/// <param name="PurchasedOn">Purchase day, when known.</param>
/// <param name="WarrantyUntil">Last day of the warranty, when known.</param>
/// <param name="RegisteredAt">When it was registered (the start of its service, for MTBF).</param>
public sealed record DeviceRegistered(
    Guid DeviceId, string AssetTag, DeviceKind Kind, string Make, string Model, string? Serial, string Location,
    DateOnly? PurchasedOn, DateOnly? WarrantyUntil, DateTimeOffset RegisteredAt) : IEquipmentEvent;

/// <summary>The device was assigned to an employee or to a department (exactly one of the two).</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="EmployeeId">The employee, when assigned to one.</param>
/// <param name="DepartmentId">The department, when assigned to one.</param>
public sealed record DeviceAssigned(Guid DeviceId, Guid? EmployeeId, Guid? DepartmentId) : IEquipmentEvent;

/// <summary>The device was moved to another location.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Location">The new location.</param>
/// <param name="FromLocation">The former location.</param>
public sealed record DeviceMoved(Guid DeviceId, string Location, string FromLocation) : IEquipmentEvent;

/// <summary>A fault was reported: a fault ticket was opened on the device.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="TicketId">The new ticket's id.</param>
/// <param name="Symptom">What goes wrong (about the device, never about a person).</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="ReportedBy">Reporting user.</param>
/// <param name="ReportedAt">When (the start of the downtime).</param>
public sealed record DeviceFaultReported(
    Guid DeviceId, Guid TicketId, string Symptom, FaultSeverity Severity, string ReportedBy, DateTimeOffset ReportedAt) : IEquipmentEvent;

/// <summary>Troubleshooting steps were tried in-house on a ticket.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="Steps">What was tried.</param>
/// <param name="Outcome">Whether it fixed the fault (a <c>Fixed</c> outcome is followed by <see cref="FaultTicketResolved"/>).</param>
/// <param name="RecordedBy">User who recorded it.</param>
/// <param name="RecordedAt">When.</param>
public sealed record TroubleshootingRecorded(
    Guid DeviceId, Guid TicketId, string Steps, TroubleshootingOutcome Outcome, string RecordedBy, DateTimeOffset RecordedAt) : IEquipmentEvent;

/// <summary>A ticket was escalated to a repair; the device is <c>UnderRepair</c> until the ticket is resolved.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="Technician">In-house or external.</param>
/// <param name="Vendor">The repairer, required for an external technician.</param>
/// <param name="Cost">Cost of the repair (money, at most 2 decimals), when known.</param>
/// <param name="ScheduledAt">When the technician is expected, when known.</param>
/// <param name="EscalatedBy">User who escalated.</param>
/// <param name="EscalatedAt">When.</param>
public sealed record FaultEscalatedToRepair(
    Guid DeviceId, Guid TicketId, RepairTechnician Technician, string? Vendor, decimal? Cost, DateTimeOffset? ScheduledAt,
    string EscalatedBy, DateTimeOffset EscalatedAt) : IEquipmentEvent;

/// <summary>A ticket was resolved: it is closed for good.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="Resolution">What resolved it.</param>
/// <param name="ResolvedBy">User who resolved it.</param>
/// <param name="ResolvedAt">When (the end of the downtime).</param>
public sealed record FaultTicketResolved(Guid DeviceId, Guid TicketId, string Resolution, string ResolvedBy, DateTimeOffset ResolvedAt) : IEquipmentEvent;

/// <summary>Preventive maintenance was scheduled (or rescheduled) every <paramref name="EveryDays"/> days.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="EveryDays">Interval in days (≥ 1).</param>
/// <param name="NextDueOn">The next due day: last maintenance (or the day of scheduling) + interval.</param>
public sealed record MaintenanceScheduled(Guid DeviceId, int EveryDays, DateOnly NextDueOn) : IEquipmentEvent;

/// <summary>Maintenance was performed on the device.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="PerformedOn">The day it was performed.</param>
/// <param name="Notes">What was done (about the device).</param>
/// <param name="NextDueOn">The next due day it moves to (null when no schedule is set).</param>
public sealed record MaintenancePerformed(Guid DeviceId, DateOnly PerformedOn, string? Notes, DateOnly? NextDueOn) : IEquipmentEvent;

/// <summary>The supply items the device consumes were set (the whole list).</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="SupplyItemIds">The supply items (Inventory) it consumes.</param>
public sealed record DeviceConsumablesSet(Guid DeviceId, IReadOnlyList<Guid> SupplyItemIds) : IEquipmentEvent
{
    /// <summary>Value equality, comparing the ids element by element.</summary>
    public bool Equals(DeviceConsumablesSet? other) => other is not null && DeviceId == other.DeviceId && SupplyItemIds.SequenceEqual(other.SupplyItemIds);

    /// <summary>A hash consistent with <see cref="Equals(DeviceConsumablesSet?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(DeviceId, SupplyItemIds.Count);
}

/// <summary>A consumable was replaced on the device: its stock is to be issued from Inventory by the consumables workflow.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="ReplacementId">The replacement (the workflow's key).</param>
/// <param name="SupplyItemId">The supply item consumed.</param>
/// <param name="Quantity">Units to issue (≥ 1).</param>
/// <param name="RequestedBy">User who replaced it.</param>
/// <param name="RequestedAt">When.</param>
public sealed record ConsumableReplacementRequested(
    Guid DeviceId, Guid ReplacementId, Guid SupplyItemId, int Quantity, string RequestedBy, DateTimeOffset RequestedAt) : IEquipmentEvent;

/// <summary>The consumables workflow issued the replacement's stock from Inventory.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="ReplacementId">The replacement.</param>
/// <param name="SupplyItemId">The supply item.</param>
/// <param name="Quantity">Units issued.</param>
public sealed record ConsumableStockIssued(Guid DeviceId, Guid ReplacementId, Guid SupplyItemId, int Quantity) : IEquipmentEvent;

/// <summary>Inventory refused the replacement's issue (e.g. <c>insufficient-stock</c>): nothing was issued.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="ReplacementId">The replacement.</param>
/// <param name="SupplyItemId">The supply item.</param>
/// <param name="Quantity">Units asked for.</param>
/// <param name="Code">The refusal's error code.</param>
/// <param name="Reason">The refusal's message.</param>
public sealed record ConsumableReplacementRefused(
    Guid DeviceId, Guid ReplacementId, Guid SupplyItemId, int Quantity, string Code, string Reason) : IEquipmentEvent;

/// <summary>The device was retired (disposed of): it takes no more commands.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Reason">Why.</param>
/// <param name="RetiredAt">When.</param>
public sealed record DeviceRetired(Guid DeviceId, string Reason, DateTimeOffset RetiredAt) : IEquipmentEvent;

/// <summary>
/// A fault ticket was opened by the escalation of a help-desk support request (it follows the ticket's
/// <see cref="DeviceFaultReported"/>): the ticket and the request name each other.
/// </summary>
/// <param name="DeviceId">The device.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="SupportRequestId">The support request escalated to it.</param>
public sealed record FaultTicketLinkedToSupportRequest(Guid DeviceId, Guid TicketId, Guid SupportRequestId) : IEquipmentEvent;
