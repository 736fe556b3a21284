namespace BackOffice.Domain.Inventory;

/// <summary>Records a cycle count: what is actually on the shelf.</summary>
/// <param name="CountedQuantity">Units counted (≥ 0).</param>
/// <param name="Reason">Why the count differs from the book; required when it does.</param>
public sealed record CountStock(int CountedQuantity, string? Reason = null);

public sealed partial record SupplyItem
{
    /// <summary>
    /// Decides a count: the difference with the book quantity is recorded as the variance and needs a reason.
    /// A count that takes the stock position to or below the reorder point raises a reorder like an issue does.
    /// </summary>
    public IReadOnlyList<IInventoryEvent> Count(CountStock command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Guard.AtLeast(command.CountedQuantity, 0, "countedQuantity");
        var reason = Guard.OptionalText(command.Reason, "reason");
        var variance = command.CountedQuantity - OnHand;
        if (variance != 0 && reason is null)
            throw new DomainException(ErrorCodes.CountReasonRequired,
                $"The count ({command.CountedQuantity}) differs from the book quantity ({OnHand}) by {variance}: give a reason.", "reason");
        var counted = new StockCounted(Id, command.CountedQuantity, OnHand, variance, reason);
        return variance < 0 && ReorderIfNeeded(command.CountedQuantity + OnOrder, ReorderPoint, context) is { } reorder
            ? [counted, reorder]
            : [counted];
    }
}
