namespace BackOffice.Domain.Recruiting;

/// <summary>Extends an offer to the candidate.</summary>
/// <param name="Salary">Offered salary (&gt; 0, at most 2 decimals).</param>
/// <param name="StartDate">Proposed first day (today or later).</param>
/// <param name="ExpiresOn">Last day the offer can be accepted (today or later).</param>
public sealed record ExtendOffer(decimal Salary, DateOnly StartDate, DateOnly ExpiresOn);

public sealed partial record Candidate
{
    /// <summary>
    /// Decides an offer: the candidate is <c>Interviewing</c> and at least one interviewer recorded feedback
    /// (<see cref="ErrorCodes.OfferNeedsFeedback"/>).
    /// </summary>
    public IReadOnlyList<ICandidateEvent> Extend(ExtendOffer command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var salary = Guard.Money(command.Salary, "salary");
        if (salary == 0) throw DomainException.Invalid("salary", "'salary' must be greater than 0.");
        var today = Today(context);
        if (command.StartDate < today) throw DomainException.Invalid("startDate", "'startDate' must not be in the past.");
        if (command.ExpiresOn < today) throw DomainException.Invalid("expiresOn", "'expiresOn' must not be in the past.");
        RequireStage("offered a position", CandidateStage.Interviewing);
        if (!HasFeedback)
            throw new DomainException(ErrorCodes.OfferNeedsFeedback, "An offer needs at least one interview feedback first.");
        return [new OfferExtended(Id, SubjectId, salary, command.StartDate, command.ExpiresOn)];
    }
}
