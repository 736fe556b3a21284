namespace BackOffice.Domain.Recruiting;

/// <summary>Puts a screened candidate on the shortlist.</summary>
public sealed record ShortlistCandidate;

public sealed partial record Candidate
{
    /// <summary>Decides a shortlisting, from <c>Screened</c> only.</summary>
    public IReadOnlyList<ICandidateEvent> Shortlist(ShortlistCandidate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireStage("shortlisted", CandidateStage.Screened);
        return [new CandidateShortlisted(Id, SubjectId)];
    }
}
