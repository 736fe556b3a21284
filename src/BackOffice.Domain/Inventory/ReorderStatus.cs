namespace BackOffice.Domain.Inventory;

/// <summary>Where a reorder stands.</summary>
public enum ReorderStatus
{
    /// <summary>Raised, waiting for approval.</summary>
    Requested,
    /// <summary>Approved by a second person, not yet placed.</summary>
    Approved,
    /// <summary>Placed with a supplier.</summary>
    Placed,
    /// <summary>Some of the ordered quantity arrived.</summary>
    PartiallyReceived,
    /// <summary>All of it arrived (closed).</summary>
    Received,
    /// <summary>Cancelled (closed).</summary>
    Cancelled,
}

/// <summary>An open reorder as the supply item sees it.</summary>
/// <param name="ReorderId">Id.</param>
/// <param name="Quantity">Ordered units.</param>
/// <param name="ReceivedQuantity">Units received so far.</param>
/// <param name="Status">Current status.</param>
/// <param name="RequestedBy">Requesting user.</param>
/// <param name="RequestedAt">When it was requested.</param>
public sealed record Reorder(Guid ReorderId, int Quantity, int ReceivedQuantity, ReorderStatus Status, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>Units still expected.</summary>
    public int Outstanding => OutstandingOf(Quantity, ReceivedQuantity);

    /// <summary>Units still expected on a reorder of <paramref name="ordered"/> units of which <paramref name="received"/> arrived (never negative).</summary>
    public static int OutstandingOf(int ordered, int received) => Math.Max(0, ordered - received);

    /// <summary>Received in full or cancelled: nothing more happens to it.</summary>
    public bool IsClosed => Status is ReorderStatus.Received or ReorderStatus.Cancelled;

    /// <summary>The reorder after a receipt of <paramref name="quantity"/> units that names it.</summary>
    public Reorder AfterReceipt(int quantity) => this with { ReceivedQuantity = ReceivedQuantity + quantity, Status = StatusAfterReceipt(Quantity, ReceivedQuantity + quantity) };

    /// <summary>
    /// The receipt rule, once: a reorder of <paramref name="ordered"/> units of which <paramref name="received"/> have
    /// arrived is <see cref="ReorderStatus.Received"/> (closed) once all arrived, else <see cref="ReorderStatus.PartiallyReceived"/>.
    /// </summary>
    public static ReorderStatus StatusAfterReceipt(int ordered, int received) => received >= ordered ? ReorderStatus.Received : ReorderStatus.PartiallyReceived;
}
