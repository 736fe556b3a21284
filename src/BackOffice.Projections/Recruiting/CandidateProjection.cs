using BackOffice.Domain.Recruiting;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.Recruiting;

/// <summary>
/// The candidate's snapshot, kept inline: the details read model and the list per opening and stage (it holds no
/// personal value: names and notes are joined from the personal-data store at read time). Evolution is the domain's
/// own <see cref="Candidate.Evolve"/>.
/// </summary>
public sealed class CandidateProjection : SingleStreamProjection<Candidate, Guid>
{
    /// <inheritdoc />
    public override Candidate? Evolve(Candidate? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Candidate.Evolve(snapshot, e.Data);
    }
}
