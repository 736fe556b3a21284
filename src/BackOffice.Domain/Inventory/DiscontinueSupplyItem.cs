namespace BackOffice.Domain.Inventory;

/// <summary>Stops receiving and reordering the item; what is left can still be issued.</summary>
/// <param name="Reason">Why (required).</param>
public sealed record DiscontinueSupplyItem(string Reason);

public sealed partial record SupplyItem
{
    /// <summary>
    /// Decides a discontinuation. An open reorder is cancelled in the same decision (a discontinued item takes no
    /// receipts, so nothing could ever close it). Discontinuing twice changes nothing.
    /// </summary>
    public IReadOnlyList<IInventoryEvent> Discontinue(DiscontinueSupplyItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = Guard.Text(command.Reason, "reason", 500);
        if (Discontinued) return [];
        var discontinued = new SupplyItemDiscontinued(Id, reason);
        return OpenReorder is { } open
            ? [new ReorderCancelled(Id, open.ReorderId, $"Supply item discontinued: {reason}"), discontinued]
            : [discontinued];
    }
}
