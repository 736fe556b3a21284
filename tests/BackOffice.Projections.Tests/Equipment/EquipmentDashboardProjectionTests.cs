using BackOffice.Domain.Equipment;
using BackOffice.Projections.Equipment;
using JasperFx.Events;

namespace BackOffice.Projections.Tests.Equipment;

/// <summary>The equipment dashboard's apply logic, called directly: the domain's state and figures, the events' own times.</summary>
public class EquipmentDashboardProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid DeviceId = Guid.CreateVersion7();
    private static readonly Guid Ticket1 = Guid.CreateVersion7();
    private static readonly Guid Ticket2 = Guid.CreateVersion7();

    private static EquipmentDashboardItem Fold(params (object Data, int Hours)[] events)
    {
        var projection = new EquipmentDashboardProjection();
        EquipmentDashboardItem? d = null;
        foreach (var (data, hours) in events)
            d = projection.Evolve(d, DeviceId, new Event<object>(data) { Timestamp = T0.AddHours(hours), UserName = "it" });
        return d!;
    }

    [Fact]
    public void A_line_keeps_status_open_tickets_maintenance_and_the_domains_reliability_figures()
    {
        var d = Fold(
            (new DeviceRegistered(DeviceId, "CP-1", DeviceKind.Copier, "Canon", "iR", null, "Copy room", null, null, T0), 0),
            (new MaintenanceScheduled(DeviceId, 90, new DateOnly(2026, 5, 31)), 0),
            (new DeviceFaultReported(DeviceId, Ticket1, "Jam", FaultSeverity.Medium, "clerk", T0.AddHours(10)), 10),
            (new FaultTicketResolved(DeviceId, Ticket1, "Fixed", "it", T0.AddHours(12)), 12),
            (new DeviceFaultReported(DeviceId, Ticket2, "Smoke", FaultSeverity.Critical, "clerk", T0.AddHours(40)), 40),
            (new FaultEscalatedToRepair(DeviceId, Ticket2, RepairTechnician.External, "Vendor", 80.25m, null, "it", T0.AddHours(41)), 41),
            (new DeviceMoved(DeviceId, "Workshop", "Copy room"), 42),
            (new ConsumableReplacementRequested(DeviceId, Guid.CreateVersion7(), Guid.CreateVersion7(), 1, "it", T0.AddHours(43)), 43));
        (d.AssetTag, d.Kind, d.Location, d.Status).ShouldBe(("CP-1", DeviceKind.Copier, "Workshop", DeviceStatus.UnderRepair));
        d.OpenTickets.ShouldBe([new OpenFaultTicket(Ticket2, FaultSeverity.Critical, T0.AddHours(40), TicketStatus.UnderRepair)]);
        d.NextMaintenanceDue.ShouldBe(new DateOnly(2026, 5, 31));
        d.Reliability.ShouldBe(new Reliability(2, 1, TimeSpan.FromHours(2), TimeSpan.FromHours(10 + 28), 80.25m));
        d.Reliability.MtbfHours.ShouldBe(19m);
        d.RefusedReplacements.ShouldBe(0);
        d.UpdatedAt.ShouldBe(T0.AddHours(43));
    }

    [Fact]
    public void Events_before_registration_make_no_line()
        => new EquipmentDashboardProjection().Evolve(null, DeviceId, new Event<object>(new DeviceMoved(DeviceId, "x", "y")) { Timestamp = T0 }).ShouldBeNull();
}
