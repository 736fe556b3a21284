using BackOffice.Domain.Inventory;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace BackOffice.Projections.Inventory;

/// <summary>Inventory in the store: events, the supply-item snapshot (SKU unique per tenant), reorders, the dashboard.</summary>
internal static class InventoryStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddInventory(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<SupplyItemRegistered>("supply_item_registered_v1");
        events.MapEventType<StockReceived>("stock_received_v2");
        // v1 (a bare unit cost, no currency) stays readable: loaded, projected and rebuilt as the v2 shape.
        events.Upcast<StockReceivedV1, StockReceived>("stock_received_v1", StockReceivedV1.Upcast);
        events.MapEventType<StockIssued>("stock_issued_v1");
        events.MapEventType<StockCounted>("stock_counted_v1");
        events.MapEventType<ReorderThresholdsChanged>("reorder_thresholds_changed_v1");
        events.MapEventType<SupplyItemDiscontinued>("supply_item_discontinued_v1");
        events.MapEventType<ReorderRaised>("reorder_raised_v1");
        events.MapEventType<ReorderApproved>("reorder_approved_v1");
        events.MapEventType<ReorderPlaced>("reorder_placed_v1");
        events.MapEventType<ReorderCancelled>("reorder_cancelled_v1");

        options.Projections.Add(new SupplyItemProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SupplyItem>()
            .MultiTenanted()
            .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.SupplyItemSku, TenancyScope.PerTenant, x => x.Sku);
        options.Projections.Add(new ReorderViewProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<ReorderView>().MultiTenanted();
        options.Projections.Add(new InventoryDashboardProjection(), ProjectionLifecycle.Async);
        options.Schema.For<InventoryDashboardItem>().MultiTenanted();
        return options;
    }
}
