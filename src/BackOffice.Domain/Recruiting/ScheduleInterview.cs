namespace BackOffice.Domain.Recruiting;

/// <summary>Schedules an interview.</summary>
/// <param name="At">When (after now).</param>
/// <param name="Interviewers">User names of the interviewers (1–20; duplicates are merged).</param>
/// <param name="Location">Where (1–200).</param>
public sealed record ScheduleInterview(DateTimeOffset At, IReadOnlyList<string> Interviewers, string Location);

public sealed partial record Candidate
{
    /// <summary>
    /// Decides scheduling an interview, from <c>Shortlisted</c> (the first interview moves the candidate to
    /// <c>Interviewing</c>) or <c>Interviewing</c>. The interview gets a new id from the context.
    /// </summary>
    public IReadOnlyList<ICandidateEvent> Schedule(ScheduleInterview command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var at = InterviewTime(command.At, context);
        if (command.Interviewers is { Count: > Interview.MaxInterviewers })
            throw DomainException.Invalid("interviewers", $"'interviewers' holds at most {Interview.MaxInterviewers} user names.");
        var interviewers = (command.Interviewers ?? [])
            .Select((name, n) => Guard.Text(name, $"interviewers[{n}]", 100))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (interviewers.Length == 0) throw DomainException.Invalid("interviewers", "'interviewers' needs at least one user name.");
        var location = Guard.Text(command.Location, "location");
        RequireStage("interviewed", CandidateStage.Shortlisted, CandidateStage.Interviewing);
        return [new InterviewScheduled(Id, SubjectId, context.NewId(), at, interviewers, location)];
    }

    private static DateTimeOffset InterviewTime(DateTimeOffset at, DecisionContext context)
        => at > context.Now ? at : throw DomainException.Invalid("at", "'at' must be in the future.");
}
