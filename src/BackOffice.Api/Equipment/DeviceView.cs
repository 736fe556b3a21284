using BackOffice.Domain.Equipment;

namespace BackOffice.Api.Equipment;

/// <summary>
/// A device as integrators see it. <c>openTickets</c> counts the tickets not resolved; <c>tickets</c> lists them all;
/// <c>replacements</c> shows what Inventory answered to each consumable replacement; <c>reliability</c> holds its
/// downtime, repair cost, MTTR and MTBF (ADR 14).
/// </summary>
/// <param name="Id">Device id.</param>
/// <param name="AssetTag">Asset tag.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Make">Manufacturer.</param>
/// <param name="Model">Model.</param>
/// <param name="Serial">Serial number.</param>
/// <param name="Location">Location.</param>
/// <param name="PurchasedOn">Purchase day.</param>
/// <param name="WarrantyUntil">Last day of warranty.</param>
/// <param name="Status">InService, UnderRepair or Retired.</param>
/// <param name="AssignedTo">The employee or department it is assigned to, or null.</param>
/// <param name="OpenTickets">Tickets not resolved.</param>
/// <param name="NextMaintenanceDue">Next maintenance due day.</param>
/// <param name="MaintenanceEveryDays">Maintenance interval.</param>
/// <param name="LastMaintainedOn">Latest maintenance day.</param>
/// <param name="MaintenanceStatus">NotScheduled, Ok, Due (within 14 days) or Overdue, today.</param>
/// <param name="Consumables">Supply items it consumes.</param>
/// <param name="Replacements">Consumable replacements, oldest first.</param>
/// <param name="Tickets">Fault tickets, oldest first.</param>
/// <param name="Reliability">Downtime, repair cost, MTTR, MTBF.</param>
/// <param name="Version">Stream version.</param>
public sealed record DeviceView(
    Guid Id, string AssetTag, DeviceKind Kind, string Make, string Model, string? Serial, string Location, DateOnly? PurchasedOn, DateOnly? WarrantyUntil,
    DeviceStatus Status, AssigneeView? AssignedTo, int OpenTickets, DateOnly? NextMaintenanceDue, int? MaintenanceEveryDays, DateOnly? LastMaintainedOn,
    MaintenanceStatus MaintenanceStatus, IReadOnlyList<Guid> Consumables, IReadOnlyList<ReplacementView> Replacements, IReadOnlyList<TicketView> Tickets,
    ReliabilityView Reliability, long Version)
{
    internal static DeviceView From(Device d, long version, DateOnly today) => new(
        d.Id, d.AssetTag, d.Kind, d.Make, d.Model, d.Serial, d.Location, d.PurchasedOn, d.WarrantyUntil, d.Status,
        d.AssignedTo is { } a ? new AssigneeView(a.EmployeeId, a.DepartmentId) : null, d.OpenTickets, d.NextMaintenanceDue,
        d.MaintenanceEveryDays, d.LastMaintainedOn, d.MaintenanceOn(today), d.Consumables,
        [.. d.Replacements.Select(r => new ReplacementView(r.ReplacementId, r.SupplyItemId, r.Quantity, r.Status, r.RequestedAt, r.RefusalCode, r.RefusalReason))],
        [.. d.Tickets.Select(TicketView.From)], ReliabilityView.From(d.Reliability), version);
}

/// <summary>Who a device is assigned to (one of the two is set).</summary>
/// <param name="EmployeeId">Employee.</param>
/// <param name="DepartmentId">Department.</param>
public sealed record AssigneeView(Guid? EmployeeId, Guid? DepartmentId);

/// <summary>A consumable replacement.</summary>
/// <param name="ReplacementId">Replacement id.</param>
/// <param name="SupplyItemId">Supply item.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Status">Requested (the workflow has not run yet), Issued or Refused.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="RefusalCode">Why Inventory refused (e.g. insufficient-stock).</param>
/// <param name="RefusalReason">Inventory's message.</param>
public sealed record ReplacementView(
    Guid ReplacementId, Guid SupplyItemId, int Quantity, ReplacementStatus Status, DateTimeOffset RequestedAt, string? RefusalCode, string? RefusalReason);

/// <summary>A fault ticket of a device.</summary>
/// <param name="TicketId">Ticket id.</param>
/// <param name="Symptom">What goes wrong.</param>
/// <param name="Severity">Low, Medium, High or Critical.</param>
/// <param name="Status">Open, UnderRepair or Resolved.</param>
/// <param name="ReportedBy">Reporting user.</param>
/// <param name="ReportedAt">When reported.</param>
/// <param name="TroubleshootingSteps">How many troubleshooting records.</param>
/// <param name="Repair">The repair, once escalated.</param>
/// <param name="Resolution">What resolved it.</param>
/// <param name="ResolvedAt">When resolved.</param>
/// <param name="SupportRequestId">The help-desk support request escalated to this ticket (null: reported directly).</param>
public sealed record TicketView(
    Guid TicketId, string Symptom, FaultSeverity Severity, TicketStatus Status, string ReportedBy, DateTimeOffset ReportedAt,
    int TroubleshootingSteps, RepairView? Repair, string? Resolution, DateTimeOffset? ResolvedAt, Guid? SupportRequestId)
{
    internal static TicketView From(FaultTicket t) => new(t.TicketId, t.Symptom, t.Severity, t.Status, t.ReportedBy, t.ReportedAt, t.TroubleshootingSteps,
        t.Repair is { } r ? new RepairView(r.Technician, r.Vendor, r.Cost, r.ScheduledAt, r.EscalatedAt) : null, t.Resolution, t.ResolvedAt, t.SupportRequestId);
}

/// <summary>A repair.</summary>
/// <param name="Technician">InHouse or External.</param>
/// <param name="Vendor">Repairer.</param>
/// <param name="Cost">Cost (money).</param>
/// <param name="ScheduledAt">When the technician is expected.</param>
/// <param name="EscalatedAt">When it was escalated.</param>
public sealed record RepairView(RepairTechnician Technician, string? Vendor, decimal? Cost, DateTimeOffset? ScheduledAt, DateTimeOffset EscalatedAt);

/// <summary>Reliability figures (ADR 14): hours rounded to 2 decimals; MTTR and MTBF null before the first (repaired) failure.</summary>
/// <param name="Failures">Down periods started (overlapping tickets make one).</param>
/// <param name="RepairedFailures">Down periods closed.</param>
/// <param name="DowntimeHours">Total downtime of the closed down periods, from report to resolution.</param>
/// <param name="RepairCost">Total repair cost (money).</param>
/// <param name="MttrHours">Mean time to repair.</param>
/// <param name="MtbfHours">Mean time between failures.</param>
public sealed record ReliabilityView(int Failures, int RepairedFailures, decimal DowntimeHours, decimal RepairCost, decimal? MttrHours, decimal? MtbfHours)
{
    internal static ReliabilityView From(Reliability r) => new(r.Failures, r.RepairedFailures, r.DowntimeHours, r.RepairCost, r.MttrHours, r.MtbfHours);
}
