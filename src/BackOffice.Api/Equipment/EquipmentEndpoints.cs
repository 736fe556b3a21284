using BackOffice.Api.Identity;

namespace BackOffice.Api.Equipment;

/// <summary>Maps the Equipment context's routes.</summary>
public static class EquipmentEndpoints
{
    /// <summary>Maps every equipment route.</summary>
    public static IEndpointRouteBuilder MapEquipment(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Equipment");
        RegisterDeviceEndpoint.Map(group);
        AssignDeviceEndpoint.Map(group);
        MoveDeviceEndpoint.Map(group);
        ReportFaultEndpoint.Map(group);
        RecordTroubleshootingEndpoint.Map(group);
        EscalateToRepairEndpoint.Map(group);
        ResolveFaultTicketEndpoint.Map(group);
        ScheduleMaintenanceEndpoint.Map(group);
        RecordMaintenanceEndpoint.Map(group);
        SetConsumablesEndpoint.Map(group);
        ReplaceConsumableEndpoint.Map(group);
        RetireDeviceEndpoint.Map(group);
        ListDevicesEndpoint.Map(group);
        ListMaintenanceDueEndpoint.Map(group);
        GetDeviceEndpoint.Map(group);
        group.MapHistory("/api/devices/{id:guid}/history", "Device", Roles.AnyUser)
            .WithName("GetDeviceHistory")
            .WithSummary("History of a device");
        ListFaultTicketsEndpoint.Map(group);
        GetEquipmentDashboardEndpoint.Map(app);
        return app;
    }
}
