namespace BackOffice.Domain.Recruiting;

/// <summary>Where an offer stands. An extended offer past its expiry day is expired (see <see cref="Offer.IsExpiredOn"/>).</summary>
public enum OfferStatus
{
    /// <summary>Extended, waiting for an answer.</summary>
    Extended,
    /// <summary>Accepted; the hire follows.</summary>
    Accepted,
    /// <summary>Declined.</summary>
    Declined,
}

/// <summary>The offer made to a candidate.</summary>
/// <param name="Salary">Offered salary.</param>
/// <param name="StartDate">Proposed first day.</param>
/// <param name="ExpiresOn">Last day it can be accepted.</param>
/// <param name="Status">Current status.</param>
public sealed record Offer(decimal Salary, DateOnly StartDate, DateOnly ExpiresOn, OfferStatus Status)
{
    /// <summary>Whether an extended offer can no longer be accepted on <paramref name="today"/> (the day after its expiry day onwards).</summary>
    public bool IsExpiredOn(DateOnly today) => Status == OfferStatus.Extended && today > ExpiresOn;
}
