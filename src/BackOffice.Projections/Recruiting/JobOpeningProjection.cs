using BackOffice.Domain.Recruiting;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.Recruiting;

/// <summary>The job opening's snapshot, kept inline; evolution is the domain's own <see cref="JobOpening.Evolve"/>.</summary>
public sealed class JobOpeningProjection : SingleStreamProjection<JobOpening, Guid>
{
    /// <inheritdoc />
    public override JobOpening? Evolve(JobOpening? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JobOpening.Evolve(snapshot, e.Data);
    }
}
