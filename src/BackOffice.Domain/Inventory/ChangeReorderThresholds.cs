namespace BackOffice.Domain.Inventory;

/// <summary>Changes when and how much the item is reordered.</summary>
/// <param name="ReorderPoint">≥ 0.</param>
/// <param name="ReorderQuantity">≥ 1.</param>
/// <param name="ParLevel">≥ ReorderPoint, when set.</param>
public sealed record ChangeReorderThresholds(int ReorderPoint, int ReorderQuantity, int? ParLevel = null);

public sealed partial record SupplyItem
{
    /// <summary>Decides a change of thresholds. Raising the reorder point above the stock position raises a reorder.</summary>
    public IReadOnlyList<IInventoryEvent> ChangeThresholds(ChangeReorderThresholds command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (point, quantity, par) = Thresholds(command.ReorderPoint, command.ReorderQuantity, command.ParLevel);
        var changed = new ReorderThresholdsChanged(Id, point, quantity, par);
        var next = this with { ReorderPoint = point, ReorderQuantity = quantity, ParLevel = par };
        return next.ReorderIfNeeded(OnHand + OnOrder, point, context) is { } reorder ? [changed, reorder] : [changed];
    }
}
