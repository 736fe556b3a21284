namespace BackOffice.Domain.Inventory;

/// <summary>Requests a reorder by hand.</summary>
/// <param name="Quantity">Units to order (≥ 1).</param>
public sealed record RequestReorder(int Quantity);

public sealed partial record SupplyItem
{
    /// <summary>Decides a manual reorder request: never two open, never on a discontinued item.</summary>
    public IReadOnlyList<IInventoryEvent> RequestReorder(RequestReorder command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Guard.AtLeast(command.Quantity, 1, "quantity");
        if (Discontinued)
            throw new DomainException(ErrorCodes.SupplyItemDiscontinued, $"Supply item {Sku} is discontinued and cannot be reordered.");
        if (OpenReorder is { } open)
            throw new DomainException(ErrorCodes.ReorderAlreadyOpen, $"Reorder {open.ReorderId} is already open for {Sku}.");
        return [new ReorderRaised(Id, context.NewId(), command.Quantity, context.User, context.Now, Automatic: false)];
    }
}
