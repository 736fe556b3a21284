namespace BackOffice.Domain.Equipment;

/// <summary>Resolves a ticket with a resolution; it is closed for good.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Resolution">What resolved it (1–2000).</param>
public sealed record ResolveFaultTicket(Guid TicketId, string Resolution);

public sealed partial record Device
{
    /// <summary>Decides a resolution (409 <c>ticket-resolved</c> when it already is).</summary>
    public IReadOnlyList<IEquipmentEvent> Resolve(ResolveFaultTicket command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        var ticket = RequireOpenTicket(command.TicketId);
        return [new FaultTicketResolved(Id, ticket.TicketId, Guard.Text(command.Resolution, "resolution", 2000), context.User, context.Now)];
    }
}
