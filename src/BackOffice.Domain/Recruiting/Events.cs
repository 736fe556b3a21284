namespace BackOffice.Domain.Recruiting;

/// <summary>Marker for the facts of a job opening. Every event is a versioned public contract.</summary>
public interface IJobOpeningEvent
{
    /// <summary>The job opening the fact belongs to (its stream id).</summary>
    Guid JobOpeningId { get; }
}

/// <summary>
/// Marker for the facts of a candidate. Every event is a versioned public contract. Candidate events carry the
/// person's <see cref="SubjectId"/> and references only: names, contact details, résumé text and every free text
/// about the person (notes, reasons) live in the personal-data store, never in an event.
/// </summary>
public interface ICandidateEvent
{
    /// <summary>The candidate the fact belongs to (its stream id).</summary>
    Guid CandidateId { get; }

    /// <summary>The person, as known to the personal-data store.</summary>
    Guid SubjectId { get; }
}

/// <summary>A job opening was opened.</summary>
/// <param name="JobOpeningId">The new opening's id.</param>
/// <param name="Title">Job title.</param>
/// <param name="DepartmentId">The department that hires.</param>
/// <param name="HiringManager">User name of the hiring manager, when named.</param>
/// <param name="Positions">How many people the opening hires (≥ 1).</param>
public sealed record JobOpeningOpened(Guid JobOpeningId, string Title, Guid DepartmentId, string? HiringManager, int Positions) : IJobOpeningEvent;

/// <summary>A position of the opening was filled by a hired candidate. The opening is <c>Filled</c> once every position is.</summary>
/// <param name="JobOpeningId">The opening.</param>
/// <param name="CandidateId">The hired candidate.</param>
/// <param name="EmployeeId">The employee the candidate became.</param>
public sealed record JobPositionFilled(Guid JobOpeningId, Guid CandidateId, Guid EmployeeId) : IJobOpeningEvent;

/// <summary>The opening was closed before every position was filled (cancelled, budget withdrawn…).</summary>
/// <param name="JobOpeningId">The opening.</param>
/// <param name="Reason">Why (about the opening, not about a person).</param>
public sealed record JobOpeningClosed(Guid JobOpeningId, string Reason) : IJobOpeningEvent;

/// <summary>A person applied to a job opening; the candidate is <c>Applied</c>. Name, e-mail, phone and résumé are in the personal-data store.</summary>
/// <param name="CandidateId">The new candidate's id.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="JobOpeningId">The opening applied to.</param>
/// <param name="ResumeProvided">Whether a résumé was given (its text is personal data).</param>
public sealed record CandidateApplied(Guid CandidateId, Guid SubjectId, Guid JobOpeningId, bool ResumeProvided) : ICandidateEvent;

/// <summary>The candidate was screened. Passed: the candidate is <c>Screened</c>; not passed: a <see cref="CandidateRejected"/> follows.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Passed">The outcome.</param>
/// <param name="NotesRecorded">Whether screening notes were written (their text is personal data).</param>
public sealed record CandidateScreened(Guid CandidateId, Guid SubjectId, bool Passed, bool NotesRecorded) : ICandidateEvent;

/// <summary>The candidate was shortlisted.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
public sealed record CandidateShortlisted(Guid CandidateId, Guid SubjectId) : ICandidateEvent;

/// <summary>An interview was scheduled; the first one moves the candidate to <c>Interviewing</c>.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="InterviewId">The new interview's id.</param>
/// <param name="At">When it takes place.</param>
/// <param name="Interviewers">User names of the interviewers (≥ 1, distinct).</param>
/// <param name="Location">Where (room, address of the office, or video link).</param>
public sealed record InterviewScheduled(
    Guid CandidateId, Guid SubjectId, Guid InterviewId, DateTimeOffset At, IReadOnlyList<string> Interviewers, string Location) : ICandidateEvent;

/// <summary>An interview moved to another time.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="InterviewId">The interview.</param>
/// <param name="At">The new time.</param>
public sealed record InterviewRescheduled(Guid CandidateId, Guid SubjectId, Guid InterviewId, DateTimeOffset At) : ICandidateEvent;

/// <summary>An interview was cancelled (the reason, free text, is kept out of the event).</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="InterviewId">The interview.</param>
public sealed record InterviewCancelled(Guid CandidateId, Guid SubjectId, Guid InterviewId) : ICandidateEvent;

/// <summary>An interviewer (or hr) recorded feedback on an interview; the interview is then held.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="InterviewId">The interview.</param>
/// <param name="Interviewer">User name of who gave the feedback.</param>
/// <param name="Score">1 (poor) to 5 (excellent).</param>
/// <param name="Recommendation">Hire, no hire or unsure.</param>
/// <param name="NotesRecorded">Whether feedback notes were written (their text is personal data).</param>
public sealed record InterviewFeedbackRecorded(
    Guid CandidateId, Guid SubjectId, Guid InterviewId, string Interviewer, int Score, Recommendation Recommendation, bool NotesRecorded) : ICandidateEvent;

/// <summary>An offer was extended; the candidate is <c>Offered</c>.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Salary">Offered salary (&gt; 0, 2 decimals).</param>
/// <param name="StartDate">Proposed first day.</param>
/// <param name="ExpiresOn">Last day the offer can be accepted.</param>
public sealed record OfferExtended(Guid CandidateId, Guid SubjectId, decimal Salary, DateOnly StartDate, DateOnly ExpiresOn) : ICandidateEvent;

/// <summary>The candidate accepted the offer; the hire follows (by workflow) with <see cref="CandidateHired"/>.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="AcceptedOn">The day of acceptance.</param>
/// <param name="JobOpeningId">The opening to fill (so that the hire workflow needs nothing else).</param>
/// <param name="StartDate">The agreed first day.</param>
public sealed record OfferAccepted(Guid CandidateId, Guid SubjectId, DateOnly AcceptedOn, Guid JobOpeningId, DateOnly StartDate) : ICandidateEvent;

/// <summary>The candidate declined the offer; a <see cref="CandidateWithdrawn"/> follows.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="ReasonRecorded">Whether a reason was given (its text is personal data).</param>
public sealed record OfferDeclined(Guid CandidateId, Guid SubjectId, bool ReasonRecorded) : ICandidateEvent;

/// <summary>The candidate was rejected (terminal).</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Reason">One of the fixed reasons.</param>
/// <param name="NotesRecorded">Whether notes were written (their text is personal data).</param>
public sealed record CandidateRejected(Guid CandidateId, Guid SubjectId, RejectionReason Reason, bool NotesRecorded) : ICandidateEvent;

/// <summary>The candidate withdrew, or declined the offer (terminal).</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="ReasonRecorded">Whether a reason was given (its text is personal data).</param>
public sealed record CandidateWithdrawn(Guid CandidateId, Guid SubjectId, bool ReasonRecorded) : ICandidateEvent;

/// <summary>The candidate became an employee (terminal). The employee keeps the candidate's <see cref="SubjectId"/>.</summary>
/// <param name="CandidateId">The candidate.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="EmployeeId">The employee the candidate became.</param>
public sealed record CandidateHired(Guid CandidateId, Guid SubjectId, Guid EmployeeId) : ICandidateEvent;
