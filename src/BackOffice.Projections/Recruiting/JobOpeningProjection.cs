using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.Recruiting;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.Recruiting;

/// <summary>The job opening's snapshot, kept inline; evolution is the domain's own <see cref="JobOpening.Evolve"/>.</summary>
public sealed class JobOpeningProjection : SingleStreamProjection<JobOpening, Guid>
{
    /// <summary>
    /// Only the stream's own events: without this allow-list Marten would load this snapshot for every stream a
    /// session appends to (one round trip per snapshot type on every command of every context).
    /// </summary>
    public JobOpeningProjection()
    {
        foreach (var type in EventTypes.Of<IJobOpeningEvent>()) IncludeType(type);
    }

    /// <inheritdoc />
    public override JobOpening? Evolve(JobOpening? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JobOpening.Evolve(snapshot, e.Data);
    }
}
