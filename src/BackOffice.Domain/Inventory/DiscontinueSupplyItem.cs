namespace BackOffice.Domain.Inventory;

/// <summary>Stops receiving and reordering the item; what is left can still be issued.</summary>
/// <param name="Reason">Why (required).</param>
public sealed record DiscontinueSupplyItem(string Reason);

public sealed partial record SupplyItem
{
    /// <summary>Decides a discontinuation. Discontinuing twice changes nothing.</summary>
    public IReadOnlyList<IInventoryEvent> Discontinue(DiscontinueSupplyItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = Guard.Text(command.Reason, "reason", 500);
        return Discontinued ? [] : [new SupplyItemDiscontinued(Id, reason)];
    }
}
