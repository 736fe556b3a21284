namespace BackOffice.Domain.FrontDesk;

/// <summary>The addressee acknowledges a routed item.</summary>
/// <param name="EmployeeId">The acknowledging user's employee (linked to their user name), when any.</param>
/// <param name="DepartmentId">That employee's department.</param>
public sealed record AcknowledgeCorrespondence(Guid? EmployeeId, Guid? DepartmentId);

public sealed partial record Correspondence
{
    /// <summary>
    /// Decides an acknowledgement: the item is routed and not yet acknowledged; the acting user is its addressee (the
    /// addressed employee, or a member of the addressed department) or a clerk acting for them, else
    /// <see cref="ErrorCodes.NotTheAddressee"/>.
    /// </summary>
    /// <param name="command">The acting user's employee and department.</param>
    /// <param name="context">Who acknowledges, and when.</param>
    /// <param name="actingAsClerk">Whether the acting user holds clerk (or admin).</param>
    public IReadOnlyList<ICorrespondenceEvent> Acknowledge(AcknowledgeCorrespondence command, DecisionContext context, bool actingAsClerk)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (Status != CorrespondenceStatus.Routed)
            throw new DomainException(ErrorCodes.CorrespondenceTransitionNotAllowed,
                Status == CorrespondenceStatus.Acknowledged
                    ? $"Item {RegisterNumber} was already acknowledged by {AcknowledgedBy}."
                    : $"Item {RegisterNumber} is {Status}: only a routed item waits for an acknowledgement.");
        if (!actingAsClerk && !IsAddressedTo(command.EmployeeId, command.DepartmentId))
            throw new DomainException(ErrorCodes.NotTheAddressee, $"Only the addressee of item {RegisterNumber} (or a clerk) may acknowledge it.");
        return [new CorrespondenceAcknowledged(Id, context.User, command.EmployeeId, context.Now)];
    }
}
