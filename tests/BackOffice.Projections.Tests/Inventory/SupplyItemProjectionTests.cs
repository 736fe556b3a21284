using BackOffice.Domain.Inventory;
using BackOffice.Projections.Inventory;
using Marten;

namespace BackOffice.Projections.Tests.Inventory;

[Collection(StoreCollection.Name)]
public class SupplyItemProjectionTests(StoreFixture fixture)
{
    private static SupplyItemRegistered Registered(Guid id, string sku) => new(id, sku, "A4 paper", "ream", "paper", "B1", 5, 20, null);

    [Fact]
    public async Task The_inline_snapshot_is_the_domain_state_after_the_events()
    {
        var id = Guid.CreateVersion7();
        var events = new object[] { Registered(id, "S-" + id), new StockReceived(id, 10, null, null), new StockIssued(id, 3, null, null, null, new DateOnly(2026, 11, 28)) };
        await using (var session = fixture.Store.LightweightSession("t1"))
        {
            session.Events.StartStream<SupplyItem>(id, events);
            await session.SaveChangesAsync();
        }
        await using var query = fixture.Store.QuerySession("t1");
        var snapshot = await query.LoadAsync<SupplyItem>(id);
        snapshot.ShouldBe(SupplyItem.From(events));
        snapshot!.OnHand.ShouldBe(7);
    }

    [Fact]
    public async Task A_snapshot_is_invisible_to_another_tenant()
    {
        var id = Guid.CreateVersion7();
        await using (var session = fixture.Store.LightweightSession("t1"))
        {
            session.Events.StartStream<SupplyItem>(id, Registered(id, "S-" + id));
            await session.SaveChangesAsync();
        }
        await using var other = fixture.Store.QuerySession("t2");
        (await other.LoadAsync<SupplyItem>(id)).ShouldBeNull();
    }

    [Fact]
    public async Task Time_travel_folds_the_events_up_to_a_version_with_the_projection()
    {
        var id = Guid.CreateVersion7();
        await using (var session = fixture.Store.LightweightSession("t1"))
        {
            session.Events.StartStream<SupplyItem>(id, Registered(id, "S-" + id), new StockReceived(id, 10, null, null), new StockReceived(id, 5, null, null));
            await session.SaveChangesAsync();
        }
        await using var query = fixture.Store.QuerySession("t1");
        (await query.Events.AggregateStreamAsync<SupplyItem>(id, version: 2))!.OnHand.ShouldBe(10);
    }

    [Fact]
    public void Evolve_delegates_to_the_domain()
    {
        var id = Guid.CreateVersion7();
        var projection = new SupplyItemProjection();
        var state = SupplyItem.From([Registered(id, "X")]);
        var evolved = projection.Evolve(state, id, new JasperFx.Events.Event<StockReceived>(new StockReceived(id, 4, null, null)));
        evolved!.OnHand.ShouldBe(4);
    }
}
