namespace BackOffice.Domain.Equipment;

/// <summary>Opens the fault ticket of a help-desk escalation (the escalation workflow's command).</summary>
/// <param name="SupportRequestId">The support request escalated.</param>
/// <param name="TicketId">The ticket's id, derived from the request's (so that a redelivery opens nothing more).</param>
/// <param name="Symptom">What goes wrong: the request's summary.</param>
/// <param name="Severity">How bad: the request's priority.</param>
public sealed record OpenEscalatedTicket(Guid SupportRequestId, Guid TicketId, string Symptom, FaultSeverity Severity);

public sealed partial record Device
{
    /// <summary>
    /// Decides the ticket of an escalation: a fault reported and linked to the support request. Idempotent: when the
    /// ticket exists already nothing is recorded. A retired device refuses it (<c>device-retired</c>).
    /// </summary>
    public IReadOnlyList<IEquipmentEvent> OpenEscalatedTicket(OpenEscalatedTicket command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (Ticket(command.TicketId) is not null) return [];
        RequireInService();
        if (!Enum.IsDefined(command.Severity)) throw DomainException.Invalid("severity", "'severity' must be Low, Medium, High or Critical.");
        var symptom = Guard.Text(command.Symptom, "symptom", 1000);
        return
        [
            new DeviceFaultReported(Id, command.TicketId, symptom, command.Severity, context.User, context.Now),
            new FaultTicketLinkedToSupportRequest(Id, command.TicketId, command.SupportRequestId),
        ];
    }
}
