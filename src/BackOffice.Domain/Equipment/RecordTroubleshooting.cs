namespace BackOffice.Domain.Equipment;

/// <summary>Records troubleshooting steps tried in-house on a ticket; <c>Fixed</c> resolves it.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Steps">What was tried (1–2000).</param>
/// <param name="Outcome">Fixed or not.</param>
public sealed record RecordTroubleshooting(Guid TicketId, string Steps, TroubleshootingOutcome Outcome);

public sealed partial record Device
{
    /// <summary>Text of the resolution recorded when troubleshooting fixed the fault.</summary>
    public const string FixedByTroubleshooting = "Fixed by troubleshooting";

    /// <summary>
    /// Decides troubleshooting on an open ticket (or one under repair); with <c>Fixed</c> the ticket is resolved in the
    /// same decision.
    /// </summary>
    public IReadOnlyList<IEquipmentEvent> RecordTroubleshooting(RecordTroubleshooting command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        var ticket = RequireOpenTicket(command.TicketId);
        if (!Enum.IsDefined(command.Outcome)) throw DomainException.Invalid("outcome", "'outcome' must be Fixed or NotFixed.");
        var recorded = new TroubleshootingRecorded(Id, ticket.TicketId, Guard.Text(command.Steps, "steps", 2000), command.Outcome, context.User, context.Now);
        return command.Outcome == TroubleshootingOutcome.Fixed
            ? [recorded, new FaultTicketResolved(Id, ticket.TicketId, FixedByTroubleshooting, context.User, context.Now)]
            : [recorded];
    }
}
