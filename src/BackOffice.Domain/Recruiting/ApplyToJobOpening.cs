namespace BackOffice.Domain.Recruiting;

/// <summary>
/// A person applies to a job opening. The personal values are here only to be validated: the host stores them in the
/// personal-data store under <paramref name="SubjectId"/>; the event carries none of them.
/// </summary>
/// <param name="CandidateId">The id the new candidate gets (made at the edge, Guid v7).</param>
/// <param name="SubjectId">The id of the person in the personal-data store (made at the edge).</param>
/// <param name="JobOpeningId">The opening applied to.</param>
/// <param name="Name">Full name (1–200).</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">Phone number, optional.</param>
/// <param name="Resume">Résumé text, optional (at most 100,000 characters).</param>
public sealed record ApplyToJobOpening(
    Guid CandidateId, Guid SubjectId, Guid JobOpeningId, string Name, string Email, string? Phone = null, string? Resume = null);

public sealed partial record Candidate
{
    /// <summary>Maximum length of a résumé text.</summary>
    public const int MaxResumeLength = 100_000;

    /// <summary>Decides an application: the opening must be open. (Not named <c>Apply</c>: Marten would take a method of that name on the aggregate for a conventional projection method.)</summary>
    /// <param name="command">The application.</param>
    /// <param name="opening">The opening applied to (its current state).</param>
    public static IReadOnlyList<ICandidateEvent> ApplyFor(ApplyToJobOpening command, JobOpening opening)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(opening);
        Guard.Text(command.Name, "name");
        Guard.Email(command.Email, "email");
        Guard.OptionalPhone(command.Phone, "phone");
        var resume = Guard.OptionalText(command.Resume, "resume", MaxResumeLength);
        if (opening.Id != command.JobOpeningId) throw DomainException.NotFound($"Job opening {command.JobOpeningId}");
        opening.RequireOpen("take applications");
        return [new CandidateApplied(command.CandidateId, command.SubjectId, opening.Id, resume is not null)];
    }
}
