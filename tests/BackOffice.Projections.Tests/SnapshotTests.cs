using BackOffice.Domain.Inventory;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Inventory;
using BackOffice.Projections.Recruiting;

namespace BackOffice.Projections.Tests;

public class SnapshotTests
{
    [Fact]
    public void A_snapshot_takes_every_event_of_its_context_and_none_of_another()
    {
        var candidate = new CandidateProjection();
        candidate.IncludedEventTypes.ShouldContain(typeof(CandidateApplied));
        candidate.IncludedEventTypes.ShouldContain(typeof(CandidateHired));
        candidate.IncludedEventTypes.ShouldNotContain(typeof(StockReceived));

        var supplyItem = new SupplyItemProjection();
        supplyItem.IncludedEventTypes.ShouldContain(typeof(StockReceived));
        supplyItem.IncludedEventTypes.ShouldContain(typeof(ReorderRaised));
        supplyItem.IncludedEventTypes.ShouldNotContain(typeof(CandidateApplied));
    }
}
