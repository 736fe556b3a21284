using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace BackOffice.Projections.FrontDesk;

/// <summary>
/// The front desk in the store: events, the correspondence snapshot (register number unique per tenant), the
/// correspondent keys, the async dashboard lines. The register's counters are <see cref="GaplessNumbers"/>.
/// </summary>
internal static class FrontDeskStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddFrontDesk(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<CorrespondenceRegistered>("correspondence_registered_v1");
        events.MapEventType<CorrespondenceRouted>("correspondence_routed_v1");
        events.MapEventType<CorrespondenceAcknowledged>("correspondence_acknowledged_v1");
        events.MapEventType<CorrespondenceAnswered>("correspondence_answered_v1");
        events.MapEventType<CorrespondenceClosed>("correspondence_closed_v1");

        options.Projections.Add(new CorrespondenceProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Correspondence>()
            .MultiTenanted()
            .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.CorrespondenceRegisterNumber, TenancyScope.PerTenant, x => x.RegisterNumber)
            .Duplicate(x => x.RegisterYear);
        options.Schema.For<CorrespondentKey>().MultiTenanted();
        options.AddGaplessNumbers();
        options.Projections.Add(new FrontDeskLineProjection(), ProjectionLifecycle.Async);
        options.Schema.For<FrontDeskLine>().MultiTenanted();
        return options;
    }
}
