namespace BackOffice.Domain.Recruiting;

/// <summary>Where an interview stands.</summary>
public enum InterviewStatus
{
    /// <summary>Scheduled, no feedback yet: it can be rescheduled or cancelled.</summary>
    Scheduled,
    /// <summary>Took place: at least one feedback was recorded.</summary>
    Held,
    /// <summary>Cancelled.</summary>
    Cancelled,
}

/// <summary>An interviewer's recommendation.</summary>
public enum Recommendation
{
    /// <summary>Hire.</summary>
    Hire,
    /// <summary>Do not hire.</summary>
    NoHire,
    /// <summary>Undecided.</summary>
    Unsure,
}

/// <summary>One interviewer's feedback (the notes are personal data, kept elsewhere).</summary>
/// <param name="Interviewer">Who gave it.</param>
/// <param name="Score">1–5.</param>
/// <param name="Recommendation">The recommendation.</param>
public sealed record InterviewFeedback(string Interviewer, int Score, Recommendation Recommendation);

/// <summary>An interview of a candidate.</summary>
/// <param name="InterviewId">Id.</param>
/// <param name="At">When.</param>
/// <param name="Interviewers">User names of the interviewers.</param>
/// <param name="Location">Where.</param>
/// <param name="Status">Current status.</param>
/// <param name="Feedback">Feedback recorded so far.</param>
public sealed record Interview(
    Guid InterviewId, DateTimeOffset At, IReadOnlyList<string> Interviewers, string Location, InterviewStatus Status,
    IReadOnlyList<InterviewFeedback> Feedback)
{
    /// <summary>The most interviewers one interview may have.</summary>
    public const int MaxInterviewers = 20;

    /// <summary>Whether <paramref name="user"/> is one of the interviewers.</summary>
    public bool IsInterviewer(string user) => Interviewers.Contains(user, StringComparer.Ordinal);
}
