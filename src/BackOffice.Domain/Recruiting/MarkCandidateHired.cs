namespace BackOffice.Domain.Recruiting;

/// <summary>Records which employee the candidate became (sent by the hire workflow).</summary>
/// <param name="EmployeeId">The employee started from this candidate.</param>
public sealed record MarkCandidateHired(Guid EmployeeId);

public sealed partial record Candidate
{
    /// <summary>
    /// Decides the hire: only after an accepted offer. Idempotent for the workflow: marking the same employee again
    /// changes nothing; another employee is refused (<see cref="ErrorCodes.CandidateAlreadyHired"/>).
    /// </summary>
    public IReadOnlyList<ICandidateEvent> MarkHired(MarkCandidateHired command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Stage == CandidateStage.Hired)
            return EmployeeId == command.EmployeeId
                ? []
                : throw new DomainException(ErrorCodes.CandidateAlreadyHired, $"The candidate was already hired as employee {EmployeeId}.");
        RequireStage("hired", CandidateStage.Offered);
        if (Offer!.Status != OfferStatus.Accepted)
            throw new DomainException(ErrorCodes.StageTransitionNotAllowed, "A candidate is hired only after accepting the offer.");
        return [new CandidateHired(Id, SubjectId, command.EmployeeId)];
    }
}
