namespace BackOffice.Domain.Equipment;

/// <summary>Replaces a consumable (e.g. a toner) on the device: its stock is issued from Inventory by the consumables workflow.</summary>
/// <param name="SupplyItemId">One of the device's consumables.</param>
/// <param name="Quantity">Units (≥ 1).</param>
public sealed record ReplaceConsumable(Guid SupplyItemId, int Quantity);

public sealed partial record Device
{
    /// <summary>
    /// Decides a replacement (409 <c>not-a-consumable</c> for a supply item the device does not consume). The new
    /// replacement's id comes from <paramref name="context"/>; the issue itself follows by workflow (ADR 14).
    /// </summary>
    public IReadOnlyList<IEquipmentEvent> ReplaceConsumable(ReplaceConsumable command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        Guard.AtLeast(command.Quantity, 1, "quantity");
        if (!Consumables.Contains(command.SupplyItemId))
            throw new DomainException(ErrorCodes.NotAConsumable,
                $"Device {AssetTag} does not consume supply item {command.SupplyItemId}; add it to the device's consumables first.", "supplyItemId");
        return [new ConsumableReplacementRequested(Id, context.NewId(), command.SupplyItemId, command.Quantity, context.User, context.Now)];
    }
}
