namespace BackOffice.Domain.Recruiting;

/// <summary>Records an interviewer's feedback on an interview.</summary>
/// <param name="InterviewId">The interview.</param>
/// <param name="Score">1 (poor) to 5 (excellent).</param>
/// <param name="Recommendation">Hire, no hire or unsure.</param>
/// <param name="Notes">Feedback notes (personal data: validated here, stored elsewhere; at most 4,000 characters).</param>
public sealed record RecordInterviewFeedback(Guid InterviewId, int Score, Recommendation Recommendation, string? Notes = null);

public sealed partial record Candidate
{
    /// <summary>
    /// Decides a feedback. Only one of the interview's interviewers, or a user acting as hr, may record it
    /// (<see cref="ErrorCodes.NotAnInterviewer"/>); the feedback is recorded in the acting user's name, once per user
    /// and interview. The candidate is <c>Interviewing</c> or <c>Offered</c>; the interview is not cancelled.
    /// </summary>
    /// <param name="command">The feedback.</param>
    /// <param name="context">The acting user (who gives the feedback).</param>
    /// <param name="actingAsHr">Whether the acting user holds the hr role (hr may record feedback for any interview).</param>
    public IReadOnlyList<ICandidateEvent> RecordFeedback(RecordInterviewFeedback command, DecisionContext context, bool actingAsHr)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command.Score is < 1 or > 5) throw DomainException.Invalid("score", "'score' must be between 1 and 5.");
        if (!Enum.IsDefined(command.Recommendation))
            throw DomainException.Invalid("recommendation", "'recommendation' must be Hire, NoHire or Unsure.");
        var notes = Guard.OptionalText(command.Notes, "notes", MaxNotesLength);
        var interview = RequireInterview(command.InterviewId);
        if (!actingAsHr && !interview.IsInterviewer(context.User))
            throw new DomainException(ErrorCodes.NotAnInterviewer,
                $"Only the interviewers of interview {interview.InterviewId} or hr may record its feedback.");
        RequireStage("given interview feedback", CandidateStage.Interviewing, CandidateStage.Offered);
        if (interview.Status == InterviewStatus.Cancelled)
            throw new DomainException(ErrorCodes.InterviewTransitionNotAllowed, $"Interview {interview.InterviewId} was cancelled.");
        if (interview.Feedback.Any(f => string.Equals(f.Interviewer, context.User, StringComparison.Ordinal)))
            throw new DomainException(ErrorCodes.FeedbackAlreadyRecorded,
                $"{context.User} already recorded feedback for interview {interview.InterviewId}.");
        return [new InterviewFeedbackRecorded(Id, SubjectId, interview.InterviewId, context.User, command.Score, command.Recommendation, notes is not null)];
    }
}
