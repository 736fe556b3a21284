namespace BackOffice.Domain.Inventory;

/// <summary>Records stock arriving on the shelf.</summary>
/// <param name="Quantity">Units received (≥ 1).</param>
/// <param name="ReorderId">The reorder it fulfils, when any (must be placed).</param>
/// <param name="UnitCost">Cost per unit (≥ 0, 2 decimals), when known.</param>
/// <param name="Currency">The unit cost's ISO 4217 code (three capital letters), optional, only with a unit cost.</param>
public sealed record ReceiveStock(int Quantity, Guid? ReorderId = null, decimal? UnitCost = null, string? Currency = null);

public sealed partial record SupplyItem
{
    /// <summary>Decides a receipt: refused on a discontinued item, and a named reorder must be placed.</summary>
    public IReadOnlyList<IInventoryEvent> Receive(ReceiveStock command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Guard.AtLeast(command.Quantity, 1, "quantity");
        if (command.UnitCost is { } cost) Guard.Money(cost, "unitCost");
        if (command.Currency is { } currency)
        {
            if (command.UnitCost is null) throw DomainException.Invalid("currency", "'currency' is the unit cost's: give it with 'unitCost'.");
            Guard.Currency(currency, "currency");
        }
        if (Discontinued)
            throw new DomainException(ErrorCodes.SupplyItemDiscontinued, $"Supply item {Sku} is discontinued and takes no receipts.");
        if (command.ReorderId is { } reorderId)
        {
            var reorder = RequireReorder(reorderId, "reorderId");
            if (reorder.Status is not (ReorderStatus.Placed or ReorderStatus.PartiallyReceived))
                throw new DomainException(ErrorCodes.ReorderTransitionNotAllowed,
                    $"Reorder {reorderId} is {reorder.Status}; only a placed reorder can be received.", "reorderId");
        }
        var unitCost = command.UnitCost is { } amount ? new UnitCost(amount, command.Currency) : null;
        return [new StockReceived(Id, command.Quantity, command.ReorderId, unitCost)];
    }
}
