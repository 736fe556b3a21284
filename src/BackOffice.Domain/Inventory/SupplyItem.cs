namespace BackOffice.Domain.Inventory;

/// <summary>
/// An office supply the back office keeps on the shelf. An immutable state built from its events by
/// <see cref="Evolve"/>; its decision methods (<see cref="Receive"/>, <see cref="Issue"/>…) return the events a
/// command causes, or throw a <see cref="Common.DomainException"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Sku">Stock-keeping unit, unique per tenant.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Unit of count.</param>
/// <param name="Category">Category.</param>
/// <param name="Location">Shelf location.</param>
/// <param name="ReorderPoint">At or below this stock position a reorder is raised.</param>
/// <param name="ReorderQuantity">Quantity of an automatic reorder when no par level is set.</param>
/// <param name="ParLevel">Target level after replenishment, when set.</param>
/// <param name="OnHand">Units on the shelf.</param>
/// <param name="Discontinued">No more receipts or reorders.</param>
/// <param name="OpenReorder">The reorder in progress, if any (never more than one).</param>
/// <param name="ClosedReorderIds">The reorders of this item that were received or cancelled (to tell "closed" from "unknown").</param>
public sealed partial record SupplyItem(
    Guid Id, string Sku, string Name, string Unit, string Category, string Location,
    int ReorderPoint, int ReorderQuantity, int? ParLevel,
    int OnHand, bool Discontinued, Reorder? OpenReorder, IReadOnlyList<Guid> ClosedReorderIds)
{
    /// <summary>The unit cost of the last receipt that gave one (with its currency when recorded), for valuing stock.</summary>
    public UnitCost? LastUnitCost { get; init; }

    /// <summary>Units ordered but not yet received on the open reorder.</summary>
    public int OnOrder => OpenReorder?.Outstanding ?? 0;

    /// <summary><c>out</c> when nothing is on hand, <c>low</c> at or below the reorder point, else <c>ok</c>.</summary>
    public StockStatus Status => StockLevel.StatusOf(OnHand, ReorderPoint);

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static SupplyItem? Evolve(SupplyItem? state, object @event) => (state, @event) switch
    {
        (_, SupplyItemRegistered e) => new SupplyItem(e.SupplyItemId, e.Sku, e.Name, e.Unit, e.Category, e.Location,
            e.ReorderPoint, e.ReorderQuantity, e.ParLevel, 0, false, null, []),
        (null, _) => null,
        (_, StockReceived e) => state.ApplyReceipt(e),
        (_, StockIssued e) => state with { OnHand = state.OnHand - e.Quantity },
        (_, StockCounted e) => state with { OnHand = e.CountedQuantity },
        (_, ReorderThresholdsChanged e) => state with { ReorderPoint = e.ReorderPoint, ReorderQuantity = e.ReorderQuantity, ParLevel = e.ParLevel },
        (_, SupplyItemDiscontinued) => state with { Discontinued = true },
        (_, ReorderRaised e) => state with
        {
            OpenReorder = new Reorder(e.ReorderId, e.Quantity, 0, ReorderStatus.Requested, e.RequestedBy, e.RequestedAt),
        },
        (_, ReorderApproved e) => state.WithReorder(e.ReorderId, r => r with { Status = ReorderStatus.Approved }),
        (_, ReorderPlaced e) => state.WithReorder(e.ReorderId, r => r with { Status = ReorderStatus.Placed }),
        (_, ReorderCancelled e) => state.WithReorder(e.ReorderId, _ => null),
        _ => state,
    };

    /// <summary>Value equality, comparing <see cref="ClosedReorderIds"/> element by element.</summary>
    public bool Equals(SupplyItem? other) =>
        other is not null
        && Id == other.Id && Sku == other.Sku && Name == other.Name && Unit == other.Unit && Category == other.Category
        && Location == other.Location && ReorderPoint == other.ReorderPoint && ReorderQuantity == other.ReorderQuantity
        && ParLevel == other.ParLevel && OnHand == other.OnHand && Discontinued == other.Discontinued
        && LastUnitCost == other.LastUnitCost
        && Equals(OpenReorder, other.OpenReorder) && ClosedReorderIds.SequenceEqual(other.ClosedReorderIds);

    /// <summary>A hash consistent with <see cref="Equals(SupplyItem?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Id, Sku, OnHand, OpenReorder, ClosedReorderIds.Count);

    /// <summary>Folds a sequence of events into a state.</summary>
    public static SupplyItem? From(IEnumerable<object> events) => events.Aggregate((SupplyItem?)null, Evolve);

    private SupplyItem ApplyReceipt(StockReceived e)
    {
        var item = this with { OnHand = OnHand + e.Quantity, LastUnitCost = e.UnitCost ?? LastUnitCost };
        return e.ReorderId is { } id
            ? item.WithReorder(id, r => r.AfterReceipt(e.Quantity) is var after && after.IsClosed ? null : after)
            : item;
    }

    private SupplyItem WithReorder(Guid reorderId, Func<Reorder, Reorder?> change)
    {
        if (OpenReorder is not { } r || r.ReorderId != reorderId) return this;
        return change(r) is { } changed
            ? this with { OpenReorder = changed }
            : this with { OpenReorder = null, ClosedReorderIds = [.. ClosedReorderIds, reorderId] };
    }

    /// <summary>
    /// The automatic reorder rule: when the stock <paramref name="position"/> (onHand + onOrder after the change) is at
    /// or below the reorder point, no reorder is open and the item is not discontinued, a reorder is raised for the
    /// reorder quantity, or up to the par level when one is set.
    /// </summary>
    private ReorderRaised? ReorderIfNeeded(int position, int reorderPoint, DecisionContext context)
    {
        if (Discontinued || OpenReorder is not null || position > reorderPoint) return null;
        var quantity = ParLevel is { } par && par - position > 0 ? par - position : ReorderQuantity;
        return new ReorderRaised(Id, context.NewId(), quantity, context.User, context.Now, Automatic: true);
    }

    private Reorder RequireReorder(Guid reorderId, string? field = null)
    {
        if (OpenReorder is { } r && r.ReorderId == reorderId) return r;
        if (ClosedReorderIds.Contains(reorderId))
            throw new DomainException(ErrorCodes.ReorderTransitionNotAllowed, $"Reorder {reorderId} is closed (received or cancelled).", field);
        throw new DomainException(ErrorCodes.NotFound, $"Reorder {reorderId} was not found on supply item {Sku}.", field);
    }
}

/// <summary>Stock level of a supply item.</summary>
public enum StockStatus
{
    /// <summary>Above the reorder point.</summary>
    Ok,
    /// <summary>At or below the reorder point.</summary>
    Low,
    /// <summary>Nothing on hand.</summary>
    Out,
}
