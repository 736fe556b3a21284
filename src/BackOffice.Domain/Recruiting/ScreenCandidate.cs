namespace BackOffice.Domain.Recruiting;

/// <summary>Records the outcome of screening.</summary>
/// <param name="Passed">Whether the candidate passed.</param>
/// <param name="Notes">Screening notes (personal data: validated here, stored elsewhere; at most 4,000 characters).</param>
public sealed record ScreenCandidate(bool Passed, string? Notes = null);

public sealed partial record Candidate
{
    /// <summary>Maximum length of notes and free-text reasons about a candidate.</summary>
    public const int MaxNotesLength = 4_000;

    /// <summary>Decides a screening, from <c>Applied</c> only. Not passed rejects the candidate with reason <c>DoesNotFit</c>.</summary>
    public IReadOnlyList<ICandidateEvent> Screen(ScreenCandidate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var notes = Guard.OptionalText(command.Notes, "notes", MaxNotesLength);
        RequireStage("screened", CandidateStage.Applied);
        var screened = new CandidateScreened(Id, SubjectId, command.Passed, notes is not null);
        return command.Passed ? [screened] : [screened, new CandidateRejected(Id, SubjectId, RejectionReason.DoesNotFit, false)];
    }
}
