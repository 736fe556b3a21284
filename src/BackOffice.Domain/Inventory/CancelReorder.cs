namespace BackOffice.Domain.Inventory;

/// <summary>Cancels an open reorder.</summary>
/// <param name="ReorderId">The reorder.</param>
/// <param name="Reason">Why (required).</param>
public sealed record CancelReorder(Guid ReorderId, string Reason);

public sealed partial record SupplyItem
{
    /// <summary>Decides a cancellation: any open reorder can be cancelled; what was received stays received.</summary>
    public IReadOnlyList<IInventoryEvent> Cancel(CancelReorder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = Guard.Text(command.Reason, "reason", 500);
        var reorder = RequireReorder(command.ReorderId);
        return [new ReorderCancelled(Id, reorder.ReorderId, reason)];
    }
}
