namespace BackOffice.Domain.Recruiting;

/// <summary>Records that the candidate accepted the offer.</summary>
public sealed record AcceptOffer;

public sealed partial record Candidate
{
    /// <summary>
    /// Decides an acceptance: the candidate is <c>Offered</c> and the offer extended and not expired (accepted on or
    /// before its expiry day, by the context's date in UTC; else <see cref="ErrorCodes.OfferExpired"/>). Accepting an
    /// accepted offer changes nothing. The hire itself follows by workflow (<see cref="MarkHired"/>).
    /// </summary>
    public IReadOnlyList<ICandidateEvent> Accept(AcceptOffer command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireStage("accept an offer", CandidateStage.Offered);
        var offer = Offer!;
        if (offer.Status == OfferStatus.Accepted) return [];
        RequireOutstanding(offer);
        var today = Today(context);
        if (offer.IsExpiredOn(today))
            throw new DomainException(ErrorCodes.OfferExpired, $"The offer expired on {offer.ExpiresOn:yyyy-MM-dd}.");
        return [new OfferAccepted(Id, SubjectId, today, JobOpeningId, offer.StartDate)];
    }

    private static void RequireOutstanding(Offer offer)
    {
        if (offer.Status != OfferStatus.Extended)
            throw new DomainException(ErrorCodes.OfferNotOutstanding, $"The offer was already {offer.Status}.");
    }
}
