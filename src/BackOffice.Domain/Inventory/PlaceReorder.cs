namespace BackOffice.Domain.Inventory;

/// <summary>Places an approved reorder with a supplier.</summary>
/// <param name="ReorderId">The reorder.</param>
/// <param name="Supplier">Supplier name (required).</param>
/// <param name="ExpectedOn">Expected delivery day (not in the past), when known.</param>
public sealed record PlaceReorder(Guid ReorderId, string Supplier, DateOnly? ExpectedOn = null);

public sealed partial record SupplyItem
{
    /// <summary>Decides placing a reorder: it must be approved, and a delivery cannot be expected in the past.</summary>
    public IReadOnlyList<IInventoryEvent> Place(PlaceReorder command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var supplier = Guard.Text(command.Supplier, "supplier");
        if (command.ExpectedOn is { } expected && expected < DateOnly.FromDateTime(context.Now.UtcDateTime))
            throw DomainException.Invalid("expectedOn", "'expectedOn' must not be in the past.");
        var reorder = RequireReorder(command.ReorderId);
        if (reorder.Status != ReorderStatus.Approved)
            throw new DomainException(ErrorCodes.ReorderTransitionNotAllowed, $"Reorder {reorder.ReorderId} is {reorder.Status}, not Approved.");
        return [new ReorderPlaced(Id, reorder.ReorderId, supplier, command.ExpectedOn)];
    }
}
