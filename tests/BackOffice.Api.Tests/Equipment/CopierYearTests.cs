using BackOffice.Api.Equipment;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.Equipment;
using BackOffice.Domain.Inventory;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using BackOffice.Api.Reads;
using TicketPage = BackOffice.Api.Reads.Page<BackOffice.Api.Equipment.ListFaultTicketsEndpoint.Item>;

namespace BackOffice.Api.Tests.Equipment;

/// <summary>The issue's "done when" scenario: a copier's year, on a host whose clock the test moves.</summary>
[Collection(ApiCollection.Name)]
public class CopierYearTests(ApiFixture api)
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_copiers_year_registered_assigned_fixed_repaired_maintained_toner_replaced_and_retired_with_MTTR_MTBF_and_downtime_by_hand()
    {
        var clock = new SettableTime(T0);
        await using var host = api.Variant(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        HttpClient As(string key)
        {
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }
        var it = As("demo-it");
        var clerk = As("demo-clerk");
        var location = "Copy room " + RecruitingApi.Tag();

        // Registered, assigned to a department, maintenance every 90 days.
        var department = await api.As("demo-hr").Department();
        var copier = await it.Device(EquipmentApi.NewDevice(location: location));
        await (await it.PostJson($"/api/devices/{copier}/assign", new { departmentId = department })).ShouldBe<EquipmentApi.Created>(200);
        await (await it.PutAsJsonAsync($"/api/devices/{copier}/maintenance-schedule", new { everyDays = 90 })).ShouldBe<EquipmentApi.Created>(200);
        var day0 = DateOnly.FromDateTime(T0.UtcDateTime);
        (await it.GetDevice(copier)).NextMaintenanceDue.ShouldBe(day0.AddDays(90));

        // Day 30, 09:00: a clerk reports a paper jam; fixed by troubleshooting two hours later.
        var fault1 = T0.AddDays(30).AddHours(1);
        clock.Now = fault1;
        var jam = await clerk.Report(copier, "Paper jam in tray 2", "Medium");
        clock.Now = fault1.AddHours(2);
        await (await it.PostJson($"/api/devices/{copier}/tickets/{jam}/troubleshooting", new { steps = "Opened tray 2, removed the sheet", outcome = "Fixed" }))
            .ShouldBe<EquipmentApi.Created>(200);
        var afterJam = await it.GetDevice(copier);
        afterJam.Status.ShouldBe(DeviceStatus.InService);
        afterJam.Tickets.Single().Status.ShouldBe(TicketStatus.Resolved);
        afterJam.Tickets.Single().Resolution.ShouldBe(Device.FixedByTroubleshooting);

        // Day 90: maintenance performed, the next due day moves to day 180.
        clock.Now = T0.AddDays(90);
        await (await it.PostJson($"/api/devices/{copier}/maintenance", new { performedOn = day0.AddDays(90) })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(copier)).NextMaintenanceDue.ShouldBe(day0.AddDays(180));

        // Day 120, 10:00: streaks; escalated to an external repair with a cost; UnderRepair until resolved 72 h after the report.
        var fault2 = T0.AddDays(120).AddHours(2);
        clock.Now = fault2;
        var streaks = await clerk.Report(copier, "Streaks on every page", "High");
        clock.Now = fault2.AddHours(1);
        await (await it.PostJson($"/api/devices/{copier}/tickets/{streaks}/repair",
            new { technician = "External", vendor = "Copy Service Ltd", cost = 249.90m, scheduledAt = fault2.AddDays(2) })).ShouldBe<EquipmentApi.Created>(200);
        var underRepair = await it.GetDevice(copier);
        underRepair.Status.ShouldBe(DeviceStatus.UnderRepair);
        underRepair.OpenTickets.ShouldBe(1);
        var open = await (await it.GetAsync($"/api/fault-tickets?deviceId={copier}")).ShouldBe<TicketPage>(200);
        var listed = open.Items.ShouldHaveSingleItem();
        (listed.TicketId, listed.Status, listed.Severity, listed.Vendor, listed.Cost).ShouldBe((streaks, TicketStatus.UnderRepair, FaultSeverity.High, "Copy Service Ltd", 249.90m));
        listed.AgeHours.ShouldBe(1m);
        // retiring it now is refused
        await (await it.PostJson($"/api/devices/{copier}/retire", new { reason = "Too many faults" })).ShouldBeProblem(409, "device-has-open-tickets");
        clock.Now = fault2.AddHours(72);
        await (await it.PostJson($"/api/devices/{copier}/tickets/{streaks}/resolve", new { resolution = "Drum unit replaced" })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(copier)).Status.ShouldBe(DeviceStatus.InService);
        // a resolved ticket is closed for good
        await (await it.PostJson($"/api/devices/{copier}/tickets/{streaks}/resolve", new { resolution = "again" })).ShouldBeProblem(409, "ticket-resolved");

        // Day 180: maintenance performed (next due: day 270); by day 290 it is 20 days overdue.
        clock.Now = T0.AddDays(180);
        await (await it.PostJson($"/api/devices/{copier}/maintenance", new { performedOn = day0.AddDays(180), notes = "Cleaned the feed rollers" }))
            .ShouldBe<EquipmentApi.Created>(200);
        clock.Now = T0.AddDays(290);
        var due = await (await it.GetAsync("/api/devices/maintenance-due?status=Overdue&pageSize=200")).ShouldBe<Page<ListMaintenanceDueEndpoint.Item>>(200);
        var overdue = due.Items.Single(i => i.DeviceId == copier);
        (overdue.NextMaintenanceDue, overdue.MaintenanceStatus, overdue.DaysOverdue).ShouldBe((day0.AddDays(270), MaintenanceStatus.Overdue, 20));
        (await it.GetDevice(copier)).MaintenanceStatus.ShouldBe(MaintenanceStatus.Overdue);

        // Day 300: toner replaced twice: the first issue goes through the workflow, the second is refused for lack of stock.
        var toner = await api.As("demo-clerk").Stocked(onHand: 2, reorderPoint: 0);
        clock.Now = T0.AddDays(300);
        await (await it.PutAsJsonAsync($"/api/devices/{copier}/consumables", new { supplyItemIds = new[] { toner } })).ShouldBe<EquipmentApi.Created>(200);
        var correlation = "toner-" + RecruitingApi.Tag();
        var first = await (await it.PostJson($"/api/devices/{copier}/consumables/{toner}/replace", new { quantity = 1 },
            h => h.Add("X-Correlation-Id", correlation))).ShouldBe<EquipmentApi.ReplacementCreated>(200);
        await it.DeviceWhen(copier, d => d.Replacements.Single(r => r.ReplacementId == first.ReplacementId).Status == ReplacementStatus.Issued);
        var second = await (await it.PostJson($"/api/devices/{copier}/consumables/{toner}/replace", new { quantity = 2 })).ShouldBe<EquipmentApi.ReplacementCreated>(200);
        var refused = (await it.DeviceWhen(copier, d => d.Replacements.Single(r => r.ReplacementId == second.ReplacementId).Status != ReplacementStatus.Requested))
            .Replacements.Single(r => r.ReplacementId == second.ReplacementId);
        (refused.Status, refused.RefusalCode).ShouldBe((ReplacementStatus.Refused, "insufficient-stock"));
        (await api.As("demo-clerk").GetItem(toner)).OnHand.ShouldBe(1);
        // the issue names the device, keeps the request's correlation id and names the replacement event as its cause
        await using (var session = api.Store.QuerySession("demo"))
        {
            var requested = (await session.Events.FetchStreamAsync(copier)).First(e => e.Data is ConsumableReplacementRequested r && r.ReplacementId == first.ReplacementId);
            var issue = (await session.Events.FetchStreamAsync(toner)).Single(e => e.Data is StockIssued);
            var issued = (StockIssued)issue.Data;
            issued.Purpose.ShouldBe($"Consumable replaced on device {underRepair.AssetTag} ({copier})");
            issued.DepartmentId.ShouldBe(department);
            (issue.CorrelationId, issue.CausationId, issue.UserName).ShouldBe((correlation, requested.Id.ToString(), ConsumablesWorkflow.Actor));
        }

        // Day 365: retired; it takes nothing more.
        clock.Now = T0.AddDays(365);
        await (await it.PostJson($"/api/devices/{copier}/retire", new { reason = "Replaced by a new model" })).ShouldBe<EquipmentApi.Created>(200);
        await (await clerk.PostJson($"/api/devices/{copier}/tickets", new { symptom = "Dead", severity = "Low" })).ShouldBeProblem(409, "device-retired");
        await (await it.PostJson($"/api/devices/{copier}/move", new { location = "Basement" })).ShouldBeProblem(409, "device-retired");

        // MTTR, MTBF and downtime against figures computed by hand.
        var downtime = TimeSpan.FromHours(2) + TimeSpan.FromHours(72);
        var upBeforeFailures = (fault1 - T0) + (fault2 - fault1.AddHours(2));
        var expectedMttr = decimal.Round((decimal)downtime.TotalHours / 2, 2);        // 37 h
        var expectedMtbf = decimal.Round((decimal)upBeforeFailures.TotalHours / 2, 2); // 1440 h
        (expectedMttr, expectedMtbf).ShouldBe((37m, 1440m));
        var final = await it.GetDevice(copier);
        final.Status.ShouldBe(DeviceStatus.Retired);
        final.Reliability.ShouldBe(new ReliabilityView(2, 2, 74m, 249.90m, expectedMttr, expectedMtbf));

        // The dashboard (async) shows the same figures for the copier's location, and for its kind among the others.
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var dashboard = await (await api.As("demo-manager").GetAsync("/api/dashboards/equipment")).ShouldBe<GetEquipmentDashboardEndpoint.Dashboard>(200);
        var here = dashboard.ByLocation.Single(g => g.Key == location);
        here.Devices.ShouldBe(new GetEquipmentDashboardEndpoint.StatusCounts(1, 0, 0, 1));
        here.Reliability.ShouldBe(new ReliabilityView(2, 2, 74m, 249.90m, 37m, 1440m));
        here.OpenTickets.ShouldBe(0);
        dashboard.ByKind.Single(g => g.Key == "Copier").Devices.Retired.ShouldBeGreaterThanOrEqualTo(1);
        dashboard.RefusedReplacements.ShouldBeGreaterThanOrEqualTo(1);
        var resolved = await (await it.GetAsync($"/api/fault-tickets?deviceId={copier}&status=Resolved")).ShouldBe<TicketPage>(200);
        resolved.Items.Select(t => (t.Severity, t.AgeHours)).ShouldBe([(FaultSeverity.High, 72m), (FaultSeverity.Medium, 2m)]);
    }
}
