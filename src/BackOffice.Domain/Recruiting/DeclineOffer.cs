namespace BackOffice.Domain.Recruiting;

/// <summary>Records that the candidate declined the offer.</summary>
/// <param name="Reason">Why, optional (personal data: validated here, stored elsewhere; at most 4,000 characters).</param>
public sealed record DeclineOffer(string? Reason = null);

public sealed partial record Candidate
{
    /// <summary>
    /// Decides a refusal of the offer: the candidate is <c>Offered</c> and the offer still extended (an expired offer
    /// may be declined); the candidate is then <c>Withdrawn</c>.
    /// </summary>
    public IReadOnlyList<ICandidateEvent> Decline(DeclineOffer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = Guard.OptionalText(command.Reason, "reason", MaxNotesLength);
        RequireStage("decline an offer", CandidateStage.Offered);
        RequireOutstanding(Offer!);
        return [new OfferDeclined(Id, SubjectId, reason is not null), new CandidateWithdrawn(Id, SubjectId, reason is not null)];
    }
}
