using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.People;

namespace BackOffice.Domain.Recruiting;

/// <summary>
/// The hire that follows an accepted offer, decided from the candidate, the opening and whether the employee already
/// exists: the employee's id (derived from the candidate's), the events of the three streams, and whether the opening
/// could be filled. Deciding it again after it was carried out decides nothing new, so the workflow is idempotent.
/// </summary>
public static class CandidateHire
{
    /// <summary>
    /// The employee id of a hired candidate: derived from the candidate id (SHA-256, UUID version 8), so that a
    /// replayed or duplicated message can only ever name the same employee.
    /// </summary>
    public static Guid EmployeeIdFor(Guid candidateId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("backoffice:employee-of-candidate:" + candidateId.ToString("N")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);   // version 8 (custom), big-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// Decides the hire of <paramref name="candidate"/> into <paramref name="opening"/>: the candidate is marked
    /// <c>Hired</c>; the employee's stream is started unless <paramref name="employeeExists"/> (with the opening's title
    /// and department and the candidate's subject id); the opening is filled while it is open, or when it already
    /// counts this candidate. A person who accepted an offer is hired even when the opening was closed or filled
    /// meanwhile (<see cref="HireDecision.OpeningNotOpen"/> tells it).
    /// </summary>
    /// <param name="candidate">The candidate who accepted.</param>
    /// <param name="opening">The opening to fill, <c>null</c> when it does not exist.</param>
    /// <param name="employeeExists">Whether the employee's stream was already started (by an earlier delivery).</param>
    /// <param name="startDate">The agreed first day.</param>
    /// <exception cref="DomainException">The candidate cannot be hired (e.g. withdrew meanwhile), or the opening does
    /// not exist and the employee was not started yet (<c>not-found</c>).</exception>
    public static HireDecision Decide(Candidate candidate, JobOpening? opening, bool employeeExists, DateOnly startDate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var employeeId = EmployeeIdFor(candidate.Id);
        var hired = candidate.MarkHired(new MarkCandidateHired(employeeId));
        IReadOnlyList<IEmployeeEvent> started = [];
        if (!employeeExists)
        {
            if (opening is null) throw DomainException.NotFound($"Job opening {candidate.JobOpeningId}");
            started = Employee.Hire(new HireEmployee(
                employeeId, candidate.SubjectId, opening.Title, opening.DepartmentId, null, startDate, candidate.Id));
        }
        var fills = opening is not null && (opening.HiredCandidateIds.Contains(candidate.Id) || opening.Status == JobOpeningStatus.Open);
        var filled = fills ? opening!.Fill(new FillJobPosition(candidate.Id, employeeId)) : [];
        return new HireDecision(employeeId, started, hired, filled, OpeningNotOpen: opening is not null && !fills);
    }
}

/// <summary>What <see cref="CandidateHire.Decide"/> decided.</summary>
/// <param name="EmployeeId">The employee the candidate becomes.</param>
/// <param name="EmployeeEvents">The events that start the employee's stream (none when it exists).</param>
/// <param name="CandidateEvents">The candidate's events (none when already hired).</param>
/// <param name="OpeningEvents">The opening's events (none when already filled by this candidate, or not open).</param>
/// <param name="OpeningNotOpen">The opening was closed or filled by others: the hire stands without filling it.</param>
public sealed record HireDecision(
    Guid EmployeeId, IReadOnlyList<IEmployeeEvent> EmployeeEvents, IReadOnlyList<ICandidateEvent> CandidateEvents,
    IReadOnlyList<IJobOpeningEvent> OpeningEvents, bool OpeningNotOpen);
