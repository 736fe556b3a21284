namespace BackOffice.Domain.Recruiting;

/// <summary>Records that the candidate withdrew from the process.</summary>
/// <param name="Reason">Why, optional (personal data: validated here, stored elsewhere; at most 4,000 characters).</param>
public sealed record WithdrawCandidate(string? Reason = null);

public sealed partial record Candidate
{
    /// <summary>Decides a withdrawal, from any stage before <c>Hired</c> (and not once rejected or withdrawn).</summary>
    public IReadOnlyList<ICandidateEvent> Withdraw(WithdrawCandidate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = Guard.OptionalText(command.Reason, "reason", MaxNotesLength);
        RequireNotTerminal("withdrawn");
        return [new CandidateWithdrawn(Id, SubjectId, reason is not null)];
    }
}
