using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.Inventory;

namespace BackOffice.Projections.Inventory;

/// <summary>
/// The supply item's snapshot, kept inline (in the same transaction as the events) so that a command loads the
/// current state in one read. Evolution is the domain's own <see cref="SupplyItem.Evolve"/>.
/// </summary>
public sealed class SupplyItemProjection() : Snapshot<SupplyItem, IInventoryEvent>(SupplyItem.Evolve);
