namespace BackOffice.Domain.Inventory;

/// <summary>Adds a supply item to the catalogue.</summary>
/// <param name="SupplyItemId">The id the new item gets (made at the edge, Guid v7).</param>
/// <param name="Sku">Stock-keeping unit (1–64 characters), unique per tenant.</param>
/// <param name="Name">Display name (1–200).</param>
/// <param name="Unit">Unit of count.</param>
/// <param name="Category">Category.</param>
/// <param name="Location">Shelf location.</param>
/// <param name="ReorderPoint">≥ 0.</param>
/// <param name="ReorderQuantity">≥ 1.</param>
/// <param name="ParLevel">≥ ReorderPoint, when set.</param>
public sealed record RegisterSupplyItem(
    Guid SupplyItemId, string Sku, string Name, string Unit, string Category, string Location,
    int ReorderPoint, int ReorderQuantity, int? ParLevel = null);

public sealed partial record SupplyItem
{
    /// <summary>Decides the registration of a new item. Uniqueness of the SKU is the store's to enforce.</summary>
    public static IReadOnlyList<IInventoryEvent> Register(RegisterSupplyItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (point, quantity, par) = Thresholds(command.ReorderPoint, command.ReorderQuantity, command.ParLevel);
        return
        [
            new SupplyItemRegistered(command.SupplyItemId,
                Guard.Text(command.Sku, "sku", 64), Guard.Text(command.Name, "name"), Guard.Text(command.Unit, "unit", 50),
                Guard.Text(command.Category, "category", 100), Guard.Text(command.Location, "location"),
                point, quantity, par),
        ];
    }

    internal static (int Point, int Quantity, int? Par) Thresholds(int reorderPoint, int reorderQuantity, int? parLevel)
    {
        Guard.AtLeast(reorderPoint, 0, "reorderPoint");
        Guard.AtLeast(reorderQuantity, 1, "reorderQuantity");
        if (parLevel is { } par && par < reorderPoint)
            throw DomainException.Invalid("parLevel", "'parLevel' must be at least 'reorderPoint'.");
        return (reorderPoint, reorderQuantity, parLevel);
    }
}
