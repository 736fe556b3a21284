namespace BackOffice.Domain.Recruiting;

/// <summary>Rejects the candidate.</summary>
/// <param name="Reason">One of the fixed reasons.</param>
/// <param name="Notes">Notes (personal data: validated here, stored elsewhere); required when the reason is <c>Other</c>.</param>
public sealed record RejectCandidate(RejectionReason Reason, string? Notes = null);

public sealed partial record Candidate
{
    /// <summary>Decides a rejection, from any stage before <c>Hired</c> (and not once rejected or withdrawn).</summary>
    public IReadOnlyList<ICandidateEvent> Reject(RejectCandidate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Enum.IsDefined(command.Reason))
            throw DomainException.Invalid("reason", "'reason' must be DoesNotFit, PositionFilled, Duplicate, Spam or Other.");
        var notes = Guard.OptionalText(command.Notes, "notes", MaxNotesLength);
        if (command.Reason == RejectionReason.Other && notes is null)
            throw DomainException.Invalid("notes", "A rejection for another reason needs notes that explain it.");
        RequireNotTerminal("rejected");
        return [new CandidateRejected(Id, SubjectId, command.Reason, notes is not null)];
    }
}
