namespace BackOffice.Domain.Recruiting;

/// <summary>Cancels a scheduled interview.</summary>
/// <param name="InterviewId">The interview.</param>
/// <param name="Reason">Why (required; free text kept out of the event).</param>
public sealed record CancelInterview(Guid InterviewId, string Reason);

public sealed partial record Candidate
{
    /// <summary>Decides a cancellation: the candidate is <c>Interviewing</c> or <c>Offered</c> and the interview still scheduled.</summary>
    public IReadOnlyList<ICandidateEvent> Cancel(CancelInterview command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Guard.Text(command.Reason, "reason", MaxNotesLength);
        var interview = RequireInterview(command.InterviewId);
        RequireStage("interviewed", CandidateStage.Interviewing, CandidateStage.Offered);
        RequireScheduled(interview, "cancelled");
        return [new InterviewCancelled(Id, SubjectId, interview.InterviewId)];
    }
}
