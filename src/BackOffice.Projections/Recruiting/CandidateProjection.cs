using BackOffice.Projections.Infrastructure;
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
    /// <summary>
    /// Only the stream's own events: without this allow-list Marten would load this snapshot for every stream a
    /// session appends to (one round trip per snapshot type on every command of every context).
    /// </summary>
    public CandidateProjection()
    {
        foreach (var type in EventTypes.Of<ICandidateEvent>()) IncludeType(type);
    }

    /// <inheritdoc />
    public override Candidate? Evolve(Candidate? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Candidate.Evolve(snapshot, e.Data);
    }
}
