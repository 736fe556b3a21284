using BackOffice.Domain.Inventory;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BackOffice.Projections.Inventory;

/// <summary>A reorder as the reorder list shows it, across supply items (one document per reorder, keyed by its id).</summary>
/// <param name="Id">The reorder id.</param>
/// <param name="SupplyItemId">The item reordered.</param>
/// <param name="Sku">The item's SKU.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="ReceivedQuantity">Units received on it so far.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Automatic">Raised by the reorder rule rather than by hand.</param>
/// <param name="RequestedBy">Requesting user.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="ApprovedBy">Approving user, once approved.</param>
/// <param name="ApprovedAt">When it was approved.</param>
/// <param name="Supplier">Supplier, once placed.</param>
/// <param name="ExpectedOn">Expected delivery day, when given.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="ClosedAt">When it was fully received or cancelled.</param>
/// <param name="CancelReason">Why it was cancelled.</param>
public sealed record ReorderView(
    Guid Id, Guid SupplyItemId, string Sku, int Quantity, int ReceivedQuantity, ReorderStatus Status, bool Automatic,
    string RequestedBy, DateTimeOffset RequestedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    string? Supplier, DateOnly? ExpectedOn, DateTimeOffset? PlacedAt, DateTimeOffset? ClosedAt, string? CancelReason);

/// <summary>
/// Keeps <see cref="ReorderView"/> documents from the supply items' reorder events and the receipts that name a
/// reorder. Registered inline: a user sees the reorder in the list right after the issue that raised it.
/// Timestamps come from the events, never from the clock.
/// </summary>
public sealed class ReorderViewProjection : MultiStreamProjection<ReorderView, Guid>
{
    /// <summary>Groups every reorder event (and every receipt naming a reorder) by reorder id.</summary>
    public ReorderViewProjection()
    {
        Identity<ReorderRaised>(e => e.ReorderId);
        Identity<ReorderApproved>(e => e.ReorderId);
        Identity<ReorderPlaced>(e => e.ReorderId);
        Identity<ReorderCancelled>(e => e.ReorderId);
        Identities<StockReceived>(e => e.ReorderId is { } id ? [id] : []);
    }

    /// <inheritdoc />
    public override async ValueTask<ReorderView?> EvolveAsync(ReorderView? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(session);
        switch (e.Data)
        {
            case ReorderRaised r:
                var item = await session.LoadAsync<SupplyItem>(r.SupplyItemId, cancellation).ConfigureAwait(false);
                return new ReorderView(r.ReorderId, r.SupplyItemId, item?.Sku ?? "", r.Quantity, 0, ReorderStatus.Requested, r.Automatic,
                    r.RequestedBy, EventTime.Of(e), null, null, null, null, null, null, null);
            case ReorderApproved a when snapshot is not null:
                return snapshot with { Status = ReorderStatus.Approved, ApprovedBy = a.ApprovedBy, ApprovedAt = EventTime.Of(e) };
            case ReorderPlaced p when snapshot is not null:
                return snapshot with { Status = ReorderStatus.Placed, Supplier = p.Supplier, ExpectedOn = p.ExpectedOn, PlacedAt = EventTime.Of(e) };
            case ReorderCancelled c when snapshot is not null:
                return snapshot with { Status = ReorderStatus.Cancelled, CancelReason = c.Reason, ClosedAt = EventTime.Of(e) };
            case StockReceived s when snapshot is not null:
                var received = snapshot.ReceivedQuantity + s.Quantity;
                var status = Reorder.StatusAfterReceipt(snapshot.Quantity, received);
                return snapshot with
                {
                    ReceivedQuantity = received, Status = status,
                    ClosedAt = status == ReorderStatus.Received ? EventTime.Of(e) : snapshot.ClosedAt,
                };
            default:
                return snapshot;
        }
    }
}
