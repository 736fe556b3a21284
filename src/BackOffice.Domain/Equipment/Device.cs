namespace BackOffice.Domain.Equipment;

/// <summary>
/// A piece of office equipment (copier, printer, fax…). An immutable state built from its events by
/// <see cref="Evolve"/>; its decision methods (<see cref="ReportFault"/>, <see cref="Retire"/>…) return the events a
/// command causes, or throw a <see cref="DomainException"/>. A retired device refuses every command
/// (<c>device-retired</c>).
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="AssetTag">Asset tag, unique per tenant.</param>
/// <param name="Kind">Sort of device.</param>
/// <param name="Make">Manufacturer.</param>
/// <param name="Model">Model.</param>
/// <param name="Serial">Serial number.</param>
/// <param name="Location">Where it stands.</param>
/// <param name="PurchasedOn">Purchase day.</param>
/// <param name="WarrantyUntil">Last day of warranty.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="AssignedTo">The employee or department it is assigned to.</param>
/// <param name="Retired">Retired: takes nothing more.</param>
/// <param name="Tickets">Every fault ticket, in the order reported (resolved ones stay, closed for good).</param>
/// <param name="MaintenanceEveryDays">The preventive-maintenance interval, when scheduled.</param>
/// <param name="LastMaintainedOn">The latest day maintenance was performed.</param>
/// <param name="NextMaintenanceDue">The next due day (null when not scheduled or retired).</param>
/// <param name="Consumables">The supply items it consumes.</param>
/// <param name="Replacements">Consumable replacements and what Inventory answered.</param>
/// <param name="DownPeriods">Periods during which at least one ticket was open (the device's downtime).</param>
public sealed partial record Device(
    Guid Id, string AssetTag, DeviceKind Kind, string Make, string Model, string? Serial, string Location,
    DateOnly? PurchasedOn, DateOnly? WarrantyUntil, DateTimeOffset RegisteredAt,
    Assignee? AssignedTo, bool Retired, IReadOnlyList<FaultTicket> Tickets,
    int? MaintenanceEveryDays, DateOnly? LastMaintainedOn, DateOnly? NextMaintenanceDue,
    IReadOnlyList<Guid> Consumables, IReadOnlyList<ConsumableReplacement> Replacements, IReadOnlyList<DownPeriod> DownPeriods)
{
    /// <summary><c>Retired</c> once retired; else <c>UnderRepair</c> while a ticket has a repair under way; else <c>InService</c>.</summary>
    public DeviceStatus Status => Retired ? DeviceStatus.Retired
        : Tickets.Any(t => t.Status == TicketStatus.UnderRepair) ? DeviceStatus.UnderRepair
        : DeviceStatus.InService;

    /// <summary>Tickets not resolved yet.</summary>
    public int OpenTickets => Tickets.Count(t => t.Status != TicketStatus.Resolved);

    /// <summary>Downtime, repair cost, MTTR and MTBF of the device (ADR 14).</summary>
    public Reliability Reliability => Reliability.Of(this);

    /// <summary>Where preventive maintenance stands on <paramref name="today"/> (due within <paramref name="dueWithinDays"/>).</summary>
    public MaintenanceStatus MaintenanceOn(DateOnly today, int dueWithinDays = MaintenanceDue.DefaultWindowDays)
        => MaintenanceDue.StatusOf(NextMaintenanceDue, today, dueWithinDays);

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Device? Evolve(Device? state, object @event) => (state, @event) switch
    {
        (_, DeviceRegistered e) => new Device(e.DeviceId, e.AssetTag, e.Kind, e.Make, e.Model, e.Serial, e.Location,
            e.PurchasedOn, e.WarrantyUntil, e.RegisteredAt, null, false, [], null, null, null, [], [], []),
        (null, _) => null,
        (_, DeviceAssigned e) => state with { AssignedTo = new Assignee(e.EmployeeId, e.DepartmentId) },
        (_, DeviceMoved e) => state with { Location = e.Location },
        (_, DeviceFaultReported e) => state with
        {
            Tickets = [.. state.Tickets, new FaultTicket(e.TicketId, e.Symptom, e.Severity, e.ReportedBy, e.ReportedAt, TicketStatus.Open, 0, null, null, null)],
            DownPeriods = state.DownPeriods.Count > 0 && state.DownPeriods[^1].End is null
                ? state.DownPeriods
                : [.. state.DownPeriods, new DownPeriod(e.ReportedAt, null)],
        },
        (_, FaultTicketLinkedToSupportRequest e) => state.WithTicket(e.TicketId, t => t with { SupportRequestId = e.SupportRequestId }),
        (_, TroubleshootingRecorded e) => state.WithTicket(e.TicketId, t => t with { TroubleshootingSteps = t.TroubleshootingSteps + 1 }),
        (_, FaultEscalatedToRepair e) => state.WithTicket(e.TicketId, t => t with
        {
            Status = TicketStatus.UnderRepair,
            Repair = new Repair(e.Technician, e.Vendor, e.Cost, e.ScheduledAt, e.EscalatedAt),
        }),
        (_, FaultTicketResolved e) => state.Resolved(e),
        (_, MaintenanceScheduled e) => state with { MaintenanceEveryDays = e.EveryDays, NextMaintenanceDue = e.NextDueOn },
        (_, MaintenancePerformed e) => state with
        {
            LastMaintainedOn = state.LastMaintainedOn is { } last && last > e.PerformedOn ? last : e.PerformedOn,
            NextMaintenanceDue = e.NextDueOn ?? state.NextMaintenanceDue,
        },
        (_, DeviceConsumablesSet e) => state with { Consumables = [.. e.SupplyItemIds] },
        (_, ConsumableReplacementRequested e) => state with
        {
            Replacements = [.. state.Replacements, new ConsumableReplacement(e.ReplacementId, e.SupplyItemId, e.Quantity, ReplacementStatus.Requested, e.RequestedAt, null, null)],
        },
        (_, ConsumableStockIssued e) => state.WithReplacement(e.ReplacementId, r => r with { Status = ReplacementStatus.Issued }),
        (_, ConsumableReplacementRefused e) => state.WithReplacement(e.ReplacementId, r => r with
        {
            Status = ReplacementStatus.Refused, RefusalCode = e.Code, RefusalReason = e.Reason,
        }),
        (_, DeviceRetired) => state with { Retired = true, NextMaintenanceDue = null },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Device? From(IEnumerable<object> events) => events.Aggregate((Device?)null, Evolve);

    /// <summary>The ticket <paramref name="ticketId"/>, or <c>null</c>.</summary>
    public FaultTicket? Ticket(Guid ticketId) => Tickets.FirstOrDefault(t => t.TicketId == ticketId);

    private Device Resolved(FaultTicketResolved e)
    {
        var device = WithTicket(e.TicketId, t => t with { Status = TicketStatus.Resolved, Resolution = e.Resolution, ResolvedAt = e.ResolvedAt });
        if (device.OpenTickets > 0 || device.DownPeriods.Count == 0 || device.DownPeriods[^1].End is not null) return device;
        return device with { DownPeriods = [.. device.DownPeriods.Take(device.DownPeriods.Count - 1), device.DownPeriods[^1] with { End = e.ResolvedAt }] };
    }

    private Device WithTicket(Guid ticketId, Func<FaultTicket, FaultTicket> change)
        => this with { Tickets = [.. Tickets.Select(t => t.TicketId == ticketId ? change(t) : t)] };

    private Device WithReplacement(Guid replacementId, Func<ConsumableReplacement, ConsumableReplacement> change)
        => this with { Replacements = [.. Replacements.Select(r => r.ReplacementId == replacementId ? change(r) : r)] };

    /// <summary>Refuses any command on a retired device.</summary>
    private void RequireInService()
    {
        if (Retired) throw new DomainException(ErrorCodes.DeviceRetired, $"Device {AssetTag} is retired: it takes no more changes.");
    }

    /// <summary>The ticket a command names: 404 when unknown, 409 <c>ticket-resolved</c> once it is resolved.</summary>
    private FaultTicket RequireOpenTicket(Guid ticketId)
    {
        var ticket = Ticket(ticketId) ?? throw DomainException.NotFound($"Fault ticket {ticketId} of device {AssetTag}");
        if (ticket.Status == TicketStatus.Resolved)
            throw new DomainException(ErrorCodes.TicketResolved, $"Fault ticket {ticketId} is resolved: a resolved ticket is closed for good. Report a new fault instead.");
        return ticket;
    }
}

/// <summary>Sort of device.</summary>
public enum DeviceKind
{
    /// <summary>Copier.</summary>
    Copier,
    /// <summary>Printer.</summary>
    Printer,
    /// <summary>Fax machine.</summary>
    Fax,
    /// <summary>Scanner.</summary>
    Scanner,
    /// <summary>Computer.</summary>
    Computer,
    /// <summary>Phone.</summary>
    Phone,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Where a device stands.</summary>
public enum DeviceStatus
{
    /// <summary>Working (possibly with an open ticket not escalated to a repair).</summary>
    InService,
    /// <summary>A repair is under way on one of its tickets.</summary>
    UnderRepair,
    /// <summary>Retired or disposed of.</summary>
    Retired,
}

/// <summary>How bad a fault is.</summary>
public enum FaultSeverity
{
    /// <summary>Low.</summary>
    Low,
    /// <summary>Medium.</summary>
    Medium,
    /// <summary>High.</summary>
    High,
    /// <summary>Critical.</summary>
    Critical,
}

/// <summary>Where a fault ticket stands.</summary>
public enum TicketStatus
{
    /// <summary>Reported, being troubleshot in-house.</summary>
    Open,
    /// <summary>Escalated to a repair, under way.</summary>
    UnderRepair,
    /// <summary>Resolved: closed for good.</summary>
    Resolved,
}

/// <summary>The outcome of troubleshooting steps.</summary>
public enum TroubleshootingOutcome
{
    /// <summary>The fault is gone: the ticket is resolved.</summary>
    Fixed,
    /// <summary>The fault remains.</summary>
    NotFixed,
}

/// <summary>Who repairs.</summary>
public enum RepairTechnician
{
    /// <summary>Our own technician.</summary>
    InHouse,
    /// <summary>An external technician (a vendor).</summary>
    External,
}

/// <summary>Where a consumable replacement stands.</summary>
public enum ReplacementStatus
{
    /// <summary>Waiting for the consumables workflow to issue the stock.</summary>
    Requested,
    /// <summary>The stock was issued from Inventory.</summary>
    Issued,
    /// <summary>Inventory refused the issue (see the refusal code); nothing was issued.</summary>
    Refused,
}

/// <summary>Where preventive maintenance stands on a day.</summary>
public enum MaintenanceStatus
{
    /// <summary>No schedule.</summary>
    NotScheduled,
    /// <summary>Next due day beyond the due window.</summary>
    Ok,
    /// <summary>Next due day today or within the due window.</summary>
    Due,
    /// <summary>Next due day passed.</summary>
    Overdue,
}

/// <summary>The employee or the department a device is assigned to (exactly one is set).</summary>
/// <param name="EmployeeId">Employee.</param>
/// <param name="DepartmentId">Department.</param>
public sealed record Assignee(Guid? EmployeeId, Guid? DepartmentId);

/// <summary>A fault ticket of a device.</summary>
/// <param name="TicketId">Ticket id.</param>
/// <param name="Symptom">What goes wrong.</param>
/// <param name="Severity">How bad.</param>
/// <param name="ReportedBy">Reporting user.</param>
/// <param name="ReportedAt">When reported.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="TroubleshootingSteps">How many troubleshooting records it has.</param>
/// <param name="Repair">The repair it was escalated to, if any.</param>
/// <param name="Resolution">What resolved it.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
public sealed record FaultTicket(
    Guid TicketId, string Symptom, FaultSeverity Severity, string ReportedBy, DateTimeOffset ReportedAt, TicketStatus Status,
    int TroubleshootingSteps, Repair? Repair, string? Resolution, DateTimeOffset? ResolvedAt)
{
    /// <summary>The help-desk support request escalated to this ticket, when it was opened by an escalation.</summary>
    public Guid? SupportRequestId { get; init; }
}

/// <summary>A repair a ticket was escalated to.</summary>
/// <param name="Technician">In-house or external.</param>
/// <param name="Vendor">The repairer.</param>
/// <param name="Cost">Its cost (money).</param>
/// <param name="ScheduledAt">When the technician is expected.</param>
/// <param name="EscalatedAt">When it was escalated.</param>
public sealed record Repair(RepairTechnician Technician, string? Vendor, decimal? Cost, DateTimeOffset? ScheduledAt, DateTimeOffset EscalatedAt);

/// <summary>A consumable replacement and Inventory's answer.</summary>
/// <param name="ReplacementId">Replacement id.</param>
/// <param name="SupplyItemId">Supply item.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Status">Requested, issued or refused.</param>
/// <param name="RequestedAt">When it was replaced.</param>
/// <param name="RefusalCode">The refusal's error code (e.g. <c>insufficient-stock</c>).</param>
/// <param name="RefusalReason">The refusal's message.</param>
public sealed record ConsumableReplacement(
    Guid ReplacementId, Guid SupplyItemId, int Quantity, ReplacementStatus Status, DateTimeOffset RequestedAt, string? RefusalCode, string? RefusalReason);

/// <summary>A period during which the device had at least one open ticket.</summary>
/// <param name="Start">When the first of its tickets was reported.</param>
/// <param name="End">When the last of its tickets was resolved (null while still down).</param>
public sealed record DownPeriod(DateTimeOffset Start, DateTimeOffset? End);

/// <summary>The maintenance-due rule, for devices and for read models that keep only the next due day.</summary>
public static class MaintenanceDue
{
    /// <summary>How many days ahead a maintenance counts as due when no window is given.</summary>
    public const int DefaultWindowDays = 14;

    /// <summary>
    /// <c>NotScheduled</c> without a due day; <c>Overdue</c> when it is before <paramref name="today"/>; <c>Due</c> when it is
    /// within <paramref name="windowDays"/> days from today (today included); else <c>Ok</c>.
    /// </summary>
    public static MaintenanceStatus StatusOf(DateOnly? nextDue, DateOnly today, int windowDays = DefaultWindowDays)
        => nextDue is not { } due ? MaintenanceStatus.NotScheduled
            : due < today ? MaintenanceStatus.Overdue
            : due <= today.AddDays(windowDays) ? MaintenanceStatus.Due
            : MaintenanceStatus.Ok;
}
