namespace BackOffice.Domain.Inventory;

/// <summary>Places an approved reorder with a supplier.</summary>
/// <param name="ReorderId">The reorder.</param>
/// <param name="Supplier">Supplier name (required).</param>
/// <param name="ExpectedOn">Expected delivery day.</param>
public sealed record PlaceReorder(Guid ReorderId, string Supplier, DateOnly? ExpectedOn = null);

public sealed partial record SupplyItem
{
    /// <summary>Decides placing a reorder: it must be approved.</summary>
    public IReadOnlyList<IInventoryEvent> Place(PlaceReorder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var supplier = Guard.Text(command.Supplier, "supplier");
        var reorder = RequireReorder(command.ReorderId);
        if (reorder.Status != ReorderStatus.Approved)
            throw new DomainException(ErrorCodes.ReorderTransitionNotAllowed, $"Reorder {reorder.ReorderId} is {reorder.Status}, not Approved.");
        return [new ReorderPlaced(Id, reorder.ReorderId, supplier, command.ExpectedOn)];
    }
}
