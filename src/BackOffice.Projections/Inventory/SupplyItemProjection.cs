using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.Inventory;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.Inventory;

/// <summary>
/// The supply item's snapshot, kept inline (in the same transaction as the events) so that a command loads the
/// current state in one read. Evolution is the domain's own <see cref="SupplyItem.Evolve"/>.
/// </summary>
public sealed class SupplyItemProjection : SingleStreamProjection<SupplyItem, Guid>
{
    /// <summary>
    /// Only the stream's own events: without this allow-list Marten would load this snapshot for every stream a
    /// session appends to (one round trip per snapshot type on every command of every context).
    /// </summary>
    public SupplyItemProjection()
    {
        foreach (var type in EventTypes.Of<IInventoryEvent>()) IncludeType(type);
    }

    /// <inheritdoc />
    public override SupplyItem? Evolve(SupplyItem? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return SupplyItem.Evolve(snapshot, e.Data);
    }
}
