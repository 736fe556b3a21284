namespace BackOffice.Domain.Recruiting;

/// <summary>Moves a scheduled interview to another time.</summary>
/// <param name="InterviewId">The interview.</param>
/// <param name="At">The new time (after now).</param>
public sealed record RescheduleInterview(Guid InterviewId, DateTimeOffset At);

public sealed partial record Candidate
{
    /// <summary>Decides a rescheduling: the candidate is <c>Interviewing</c> and the interview still scheduled (not held, not cancelled).</summary>
    public IReadOnlyList<ICandidateEvent> Reschedule(RescheduleInterview command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var at = InterviewTime(command.At, context);
        var interview = RequireInterview(command.InterviewId);
        RequireStage("interviewed", CandidateStage.Interviewing);
        RequireScheduled(interview, "rescheduled");
        return at == interview.At ? [] : [new InterviewRescheduled(Id, SubjectId, interview.InterviewId, at)];
    }

    private static void RequireScheduled(Interview interview, string action)
    {
        if (interview.Status != InterviewStatus.Scheduled)
            throw new DomainException(ErrorCodes.InterviewTransitionNotAllowed,
                $"Interview {interview.InterviewId} is {interview.Status} and cannot be {action}.");
    }
}
