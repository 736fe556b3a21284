using BackOffice.Domain.Recruiting;

namespace BackOffice.Domain.Tests.Recruiting;

/// <summary>Event histories that put a candidate in each stage.</summary>
internal static class CandidateHistory
{
    public static readonly Guid CandidateId = Spec.Id(200);
    public static readonly Guid SubjectId = Spec.Id(201);
    public static readonly Guid OpeningId = Spec.Id(300);
    public static readonly Guid HeldInterviewId = Spec.Id(400);
    public static readonly Guid ScheduledInterviewId = Spec.Id(401);
    public static readonly Guid EmployeeId = Spec.Id(500);
    public static readonly DateOnly Today = new(2026, 11, 28);

    public static readonly CandidateApplied Applied = new(CandidateId, SubjectId, OpeningId, true);
    public static readonly CandidateScreened Screened = new(CandidateId, SubjectId, true, false);
    public static readonly CandidateShortlisted Shortlisted = new(CandidateId, SubjectId);
    public static readonly InterviewScheduled FirstInterview = new(CandidateId, SubjectId, HeldInterviewId, Spec.Now.AddDays(-1), ["ann", "bob"], "Room 1");
    public static readonly InterviewFeedbackRecorded AnnsFeedback = new(CandidateId, SubjectId, HeldInterviewId, "ann", 4, Recommendation.Hire, false);
    public static readonly InterviewScheduled SecondInterview = new(CandidateId, SubjectId, ScheduledInterviewId, Spec.Now.AddDays(2), ["carol"], "Room 2");
    public static readonly OfferExtended Offered = new(CandidateId, SubjectId, 52_000.50m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5));
    public static readonly OfferAccepted Accepted = new(CandidateId, SubjectId, Today, OpeningId, new DateOnly(2027, 1, 4));
    public static readonly CandidateHired Hired = new(CandidateId, SubjectId, EmployeeId);

    public static object[] AtApplied => [Applied];
    public static object[] AtScreened => [.. AtApplied, Screened];
    public static object[] AtShortlisted => [.. AtScreened, Shortlisted];
    /// <summary>Interviewing with one held interview (ann's feedback) and one still scheduled (carol).</summary>
    public static object[] AtInterviewing => [.. AtShortlisted, FirstInterview, AnnsFeedback, SecondInterview];
    public static object[] AtOffered => [.. AtInterviewing, Offered];
    public static object[] AtAccepted => [.. AtOffered, Accepted];
    public static object[] AtHired => [.. AtAccepted, Hired];
    public static object[] AtRejected => [.. AtInterviewing, new CandidateRejected(CandidateId, SubjectId, RejectionReason.Spam, false)];
    public static object[] AtWithdrawn => [.. AtInterviewing, new CandidateWithdrawn(CandidateId, SubjectId, false)];

    /// <summary>The candidate of <paramref name="events"/>, to run a decision on (<c>.State</c> is the candidate itself).</summary>
    public static Given<Candidate> Given(params object[] events) => Spec.Given(Candidate.From, events);

    public static object[] History(string stage) => stage switch
    {
        "Applied" => AtApplied,
        "Screened" => AtScreened,
        "Shortlisted" => AtShortlisted,
        "Interviewing" => AtInterviewing,
        "Offered" => AtOffered,
        "OfferAccepted" => AtAccepted,
        "Hired" => AtHired,
        "Rejected" => AtRejected,
        "Withdrawn" => AtWithdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
