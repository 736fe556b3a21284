using BackOffice.Projections.Infrastructure;
using BackOffice.Domain.Recruiting;

namespace BackOffice.Projections.Recruiting;

/// <summary>The job opening's snapshot, kept inline; evolution is the domain's own <see cref="JobOpening.Evolve"/>.</summary>
public sealed class JobOpeningProjection() : Snapshot<JobOpening, IJobOpeningEvent>(JobOpening.Evolve);
