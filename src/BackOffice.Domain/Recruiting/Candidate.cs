namespace BackOffice.Domain.Recruiting;

/// <summary>
/// A person applying to a job opening, moving through the pipeline
/// <c>Applied → Screened → Shortlisted → Interviewing → Offered → Hired</c> (or <c>Rejected</c> / <c>Withdrawn</c>
/// before <c>Hired</c>). An immutable state built from its events by <see cref="Evolve"/>; its decision methods return
/// the events a command causes or throw a <see cref="DomainException"/>. The state holds no personal data: only the
/// <see cref="SubjectId"/> under which the personal-data store keeps it.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="SubjectId">The person, as known to the personal-data store (an employee made from this candidate keeps it).</param>
/// <param name="JobOpeningId">The opening applied to.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="Interviews">Interviews, in the order they were scheduled.</param>
/// <param name="Offer">The offer, once extended.</param>
/// <param name="EmployeeId">The employee the candidate became, once hired.</param>
public sealed partial record Candidate(
    Guid Id, Guid SubjectId, Guid JobOpeningId, CandidateStage Stage,
    IReadOnlyList<Interview> Interviews, Offer? Offer, Guid? EmployeeId)
{
    /// <summary>Hired, Rejected and Withdrawn accept no further stage change.</summary>
    public bool IsTerminal => Stage is CandidateStage.Hired or CandidateStage.Rejected or CandidateStage.Withdrawn;

    /// <summary>Whether any interviewer recorded feedback (an offer needs at least one).</summary>
    public bool HasFeedback => Interviews.Any(i => i.Feedback.Count > 0);

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Candidate? Evolve(Candidate? state, object @event) => (state, @event) switch
    {
        (_, CandidateApplied e) => new Candidate(e.CandidateId, e.SubjectId, e.JobOpeningId, CandidateStage.Applied, [], null, null),
        (null, _) => null,
        (_, CandidateScreened e) => e.Passed ? state with { Stage = CandidateStage.Screened } : state,
        (_, CandidateShortlisted) => state with { Stage = CandidateStage.Shortlisted },
        (_, InterviewScheduled e) => state with
        {
            Stage = state.Stage == CandidateStage.Shortlisted ? CandidateStage.Interviewing : state.Stage,
            Interviews = [.. state.Interviews, new Interview(e.InterviewId, e.At, e.Interviewers, e.Location, InterviewStatus.Scheduled, [])],
        },
        (_, InterviewRescheduled e) => state.WithInterview(e.InterviewId, i => i with { At = e.At }),
        (_, InterviewCancelled e) => state.WithInterview(e.InterviewId, i => i with { Status = InterviewStatus.Cancelled }),
        (_, InterviewFeedbackRecorded e) => state.WithInterview(e.InterviewId, i => i with
        {
            Status = InterviewStatus.Held,
            Feedback = [.. i.Feedback, new InterviewFeedback(e.Interviewer, e.Score, e.Recommendation)],
        }),
        (_, OfferExtended e) => state with
        {
            Stage = CandidateStage.Offered,
            Offer = new Offer(e.Salary, e.StartDate, e.ExpiresOn, OfferStatus.Extended),
        },
        (_, OfferAccepted) => state with { Offer = state.Offer! with { Status = OfferStatus.Accepted } },
        (_, OfferDeclined) => state with { Offer = state.Offer! with { Status = OfferStatus.Declined } },
        (_, CandidateRejected) => state with { Stage = CandidateStage.Rejected },
        (_, CandidateWithdrawn) => state with { Stage = CandidateStage.Withdrawn },
        (_, CandidateHired e) => state with { Stage = CandidateStage.Hired, EmployeeId = e.EmployeeId },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Candidate? From(IEnumerable<object> events) => events.Aggregate((Candidate?)null, Evolve);

    private Candidate WithInterview(Guid interviewId, Func<Interview, Interview> change)
        => this with { Interviews = [.. Interviews.Select(i => i.InterviewId == interviewId ? change(i) : i)] };

    /// <summary>Refuses the command unless the candidate is in one of the <paramref name="allowed"/> stages.</summary>
    private void RequireStage(string action, params CandidateStage[] allowed)
    {
        if (!allowed.Contains(Stage))
            throw new DomainException(ErrorCodes.StageTransitionNotAllowed,
                $"A candidate in stage {Stage} cannot be {action}; allowed from: {string.Join(", ", allowed)}.");
    }

    /// <summary>Refuses the command when the candidate is in a terminal stage.</summary>
    private void RequireNotTerminal(string action)
    {
        if (IsTerminal)
            throw new DomainException(ErrorCodes.StageTransitionNotAllowed, $"A candidate in stage {Stage} cannot be {action}: the stage is final.");
    }

    private Interview RequireInterview(Guid interviewId)
        => Interviews.FirstOrDefault(i => i.InterviewId == interviewId) ?? throw DomainException.NotFound($"Interview {interviewId}");

    private static DateOnly Today(DecisionContext context) => DateOnly.FromDateTime(context.Now.UtcDateTime);
}
