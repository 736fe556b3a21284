using BackOffice.Domain.Equipment;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace BackOffice.Projections.Equipment;

/// <summary>Equipment in the store: events, the device snapshot (asset tag unique per tenant), fault tickets, the dashboard.</summary>
internal static class EquipmentStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddEquipment(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<DeviceRegistered>("device_registered_v1");
        events.MapEventType<DeviceAssigned>("device_assigned_v1");
        events.MapEventType<DeviceMoved>("device_moved_v1");
        events.MapEventType<DeviceFaultReported>("device_fault_reported_v1");
        events.MapEventType<TroubleshootingRecorded>("troubleshooting_recorded_v1");
        events.MapEventType<FaultEscalatedToRepair>("fault_escalated_to_repair_v1");
        events.MapEventType<FaultTicketResolved>("fault_ticket_resolved_v1");
        events.MapEventType<MaintenanceScheduled>("maintenance_scheduled_v1");
        events.MapEventType<MaintenancePerformed>("maintenance_performed_v1");
        events.MapEventType<DeviceConsumablesSet>("device_consumables_set_v1");
        events.MapEventType<ConsumableReplacementRequested>("consumable_replacement_requested_v1");
        events.MapEventType<ConsumableStockIssued>("consumable_stock_issued_v1");
        events.MapEventType<ConsumableReplacementRefused>("consumable_replacement_refused_v1");
        events.MapEventType<DeviceRetired>("device_retired_v1");
        events.MapEventType<FaultTicketLinkedToSupportRequest>("fault_ticket_linked_to_support_request_v1");

        options.Projections.Add(new DeviceProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Device>()
            .MultiTenanted()
            .Duplicate(x => x.NextMaintenanceDue)
            .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.DeviceAssetTag, TenancyScope.PerTenant, x => x.AssetTag);
        options.Projections.Add(new FaultTicketViewProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<FaultTicketView>().MultiTenanted();
        options.Projections.Add(new EquipmentDashboardProjection(), ProjectionLifecycle.Async);
        options.Schema.For<EquipmentDashboardItem>().MultiTenanted();
        return options;
    }
}
