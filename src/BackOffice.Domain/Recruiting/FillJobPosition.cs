namespace BackOffice.Domain.Recruiting;

/// <summary>Fills a position of the opening with a hired candidate (sent by the hire workflow).</summary>
/// <param name="CandidateId">The hired candidate.</param>
/// <param name="EmployeeId">The employee the candidate became.</param>
public sealed record FillJobPosition(Guid CandidateId, Guid EmployeeId);

public sealed partial record JobOpening
{
    /// <summary>
    /// Decides filling a position: the opening must be open (<see cref="ErrorCodes.JobOpeningNotOpen"/> once filled
    /// or closed). Idempotent for the workflow: a candidate already counted changes nothing.
    /// </summary>
    public IReadOnlyList<IJobOpeningEvent> Fill(FillJobPosition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (HiredCandidateIds.Contains(command.CandidateId)) return [];
        RequireOpen("hire");
        return [new JobPositionFilled(Id, command.CandidateId, command.EmployeeId)];
    }
}
