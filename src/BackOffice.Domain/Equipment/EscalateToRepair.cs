namespace BackOffice.Domain.Equipment;

/// <summary>Escalates a ticket to a repair (in-house or by an external technician).</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Technician">In-house or external.</param>
/// <param name="Vendor">The repairer (≤ 200), required for an external technician.</param>
/// <param name="Cost">Cost (money: 0 to 999,999,999.99, at most 2 decimals), optional.</param>
/// <param name="ScheduledAt">When the technician is expected, optional.</param>
public sealed record EscalateToRepair(Guid TicketId, RepairTechnician Technician, string? Vendor = null, decimal? Cost = null, DateTimeOffset? ScheduledAt = null);

public sealed partial record Device
{
    /// <summary>The largest repair cost accepted (money).</summary>
    public const decimal MaxRepairCost = 999_999_999.99m;

    /// <summary>
    /// Decides an escalation: the ticket goes <c>UnderRepair</c> and so does the device until the ticket is resolved.
    /// One repair per ticket (409 <c>repair-already-under-way</c>).
    /// </summary>
    public IReadOnlyList<IEquipmentEvent> EscalateToRepair(EscalateToRepair command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        var ticket = RequireOpenTicket(command.TicketId);
        if (ticket.Status == TicketStatus.UnderRepair)
            throw new DomainException(ErrorCodes.RepairAlreadyUnderWay, $"Fault ticket {ticket.TicketId} is already under repair; resolve it when the repair is done.");
        if (!Enum.IsDefined(command.Technician)) throw DomainException.Invalid("technician", "'technician' must be InHouse or External.");
        var vendor = Guard.OptionalText(command.Vendor, "vendor", 200);
        if (command.Technician == RepairTechnician.External && vendor is null)
            throw DomainException.Invalid("vendor", "An external repair needs a 'vendor'.");
        var cost = command.Cost is { } c ? Guard.Money(c, "cost") : (decimal?)null;
        if (cost > MaxRepairCost) throw DomainException.Invalid("cost", $"'cost' must be at most {MaxRepairCost}.");
        return [new FaultEscalatedToRepair(Id, ticket.TicketId, command.Technician, vendor, cost, command.ScheduledAt, context.User, context.Now)];
    }
}
