namespace BackOffice.Domain.Inventory;

/// <summary>Takes stock off the shelf for a department or an employee.</summary>
/// <param name="Quantity">Units (≥ 1, never more than on hand).</param>
/// <param name="DepartmentId">Receiving department (or <paramref name="EmployeeId"/>, not both).</param>
/// <param name="EmployeeId">Receiving employee.</param>
/// <param name="Purpose">What it is for.</param>
public sealed record IssueStock(int Quantity, Guid? DepartmentId = null, Guid? EmployeeId = null, string? Purpose = null);

public sealed partial record SupplyItem
{
    /// <summary>
    /// Decides an issue. When it takes onHand + onOrder to or below the reorder point and no reorder is open, the
    /// same decision raises the reorder (in the same transaction as the issue).
    /// </summary>
    public IReadOnlyList<IInventoryEvent> Issue(IssueStock command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Guard.AtLeast(command.Quantity, 1, "quantity");
        if (command.DepartmentId is not null && command.EmployeeId is not null)
            throw DomainException.Invalid("employeeId", "Issue to a department or to an employee, not both.");
        if (command.Quantity > OnHand)
            throw new DomainException(ErrorCodes.InsufficientStock,
                $"Cannot issue {command.Quantity} {Unit} of {Sku}: only {OnHand} on hand.", "quantity");
        var issued = new StockIssued(Id, command.Quantity, command.DepartmentId, command.EmployeeId,
            Guard.OptionalText(command.Purpose, "purpose"), DateOnly.FromDateTime(context.Now.UtcDateTime));
        return ReorderIfNeeded(OnHand - command.Quantity + OnOrder, ReorderPoint, context) is { } reorder ? [issued, reorder] : [issued];
    }
}
