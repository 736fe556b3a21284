using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.Recruiting;

namespace BackOffice.Projections.Recruiting;

/// <summary>
/// The candidate's snapshot, kept inline: the details read model and the list per opening and stage (it holds no
/// personal value: names and notes are joined from the personal-data store at read time). Evolution is the domain's
/// own <see cref="Candidate.Evolve"/>.
/// </summary>
public sealed class CandidateProjection() : Snapshot<Candidate, ICandidateEvent>(Candidate.Evolve);
