namespace BackOffice.Domain.Inventory;

/// <summary>Approves a requested reorder.</summary>
/// <param name="ReorderId">The reorder.</param>
public sealed record ApproveReorder(Guid ReorderId);

public sealed partial record SupplyItem
{
    /// <summary>Decides an approval: only a requested reorder, and never by its requester (segregation of duties).</summary>
    public IReadOnlyList<IInventoryEvent> Approve(ApproveReorder command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var reorder = RequireReorder(command.ReorderId);
        if (reorder.Status != ReorderStatus.Requested)
            throw new DomainException(ErrorCodes.ReorderTransitionNotAllowed, $"Reorder {reorder.ReorderId} is {reorder.Status}, not Requested.");
        if (string.Equals(reorder.RequestedBy, context.User, StringComparison.Ordinal))
            throw new DomainException(ErrorCodes.SegregationOfDuties, "A reorder must be approved by someone other than its requester.");
        return [new ReorderApproved(Id, reorder.ReorderId, context.User, context.Now)];
    }
}
