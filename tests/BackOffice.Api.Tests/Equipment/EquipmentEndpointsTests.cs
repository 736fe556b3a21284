using System.Net.Http.Json;
using BackOffice.Api.Equipment;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.People;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.Equipment;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Wolverine;

namespace BackOffice.Api.Tests.Equipment;

/// <summary>Each equipment route: its success and its failures.</summary>
[Collection(ApiCollection.Name)]
public class EquipmentEndpointsTests(ApiFixture api)
{
    private readonly HttpClient it = api.As("demo-it");
    private readonly HttpClient clerk = api.As("demo-clerk");

    [Fact]
    public async Task Register_answers_201_with_location_and_the_device_reads_back()
    {
        var tag = "PR-" + RecruitingApi.Tag();
        var response = await it.PostJson("/api/devices", EquipmentApi.NewDevice(tag, "Printer", "Hall"));
        var created = await response.ShouldBe<EquipmentApi.Created>(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/devices/{created.Id}");
        created.Version.ShouldBe(1);
        var device = await it.GetDevice(created.Id);
        (device.AssetTag, device.Kind, device.Location, device.Status, device.OpenTickets, device.AssignedTo, device.NextMaintenanceDue)
            .ShouldBe((tag, DeviceKind.Printer, "Hall", DeviceStatus.InService, 0, (AssigneeView?)null, (DateOnly?)null));
        device.Version.ShouldBe(1);
        var get = await it.GetAsync($"/api/devices/{created.Id}");
        get.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (await it.GetAsync($"/api/devices/{created.Id}/history")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_refuses_a_duplicate_asset_tag_a_missing_kind_and_a_clerk()
    {
        var tag = "DUP-" + RecruitingApi.Tag();
        await it.Device(EquipmentApi.NewDevice(tag));
        await (await it.PostJson("/api/devices", EquipmentApi.NewDevice(tag))).ShouldBeProblem(409, "duplicate-asset-tag");
        // the same tag in another tenant is fine
        await (await api.As("acme-admin").PostJson("/api/devices", EquipmentApi.NewDevice(tag))).ShouldBe<EquipmentApi.Created>(201);
        await (await it.PostJson("/api/devices", new { assetTag = "X-" + RecruitingApi.Tag(), make = "HP", model = "M1", location = "B1" }))
            .ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson("/api/devices", EquipmentApi.NewDevice())).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task Get_of_an_unknown_device_another_tenants_or_before_it_existed_is_404()
    {
        var id = await it.Device();
        await (await it.GetAsync($"/api/devices/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/devices/{id}")).ShouldBeProblem(404, "not-found");
        await (await it.GetAsync($"/api/devices/{id}?asOf=2020-01-01T00:00:00Z")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Assign_needs_an_existing_employee_or_department_of_the_tenant()
    {
        var id = await it.Device();
        var department = await api.As("demo-hr").Department();
        await (await it.PostJson($"/api/devices/{id}/assign", new { departmentId = department })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(id)).AssignedTo.ShouldBe(new AssigneeView(null, department));
        await (await it.PostJson($"/api/devices/{id}/assign", new { employeeId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await it.PostJson($"/api/devices/{id}/assign", new { departmentId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await it.PostJson($"/api/devices/{id}/assign", new { })).ShouldBeProblem(400, "validation-failed");
        await (await it.PostJson($"/api/devices/{Guid.NewGuid()}/assign", new { departmentId = department })).ShouldBeProblem(404, "not-found");
        await (await clerk.PostJson($"/api/devices/{id}/assign", new { departmentId = department })).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task A_device_cannot_be_assigned_to_a_terminated_employee()
    {
        var hr = api.As("demo-hr");
        var id = await it.Device();
        var leaver = await hr.Hire(await hr.Department());
        await hr.PostJson($"/api/employees/{leaver.Id}/terminate", new { reason = "Resignation", effectiveOn = RecruitingApi.Day(0) }).Ok();
        await (await it.PostJson($"/api/devices/{id}/assign", new { employeeId = leaver.Id })).ShouldBeProblem(409, "employee-terminated");
        (await it.GetDevice(id)).AssignedTo.ShouldBeNull();
    }

    [Fact]
    public async Task Move_changes_the_location_and_needs_one()
    {
        var id = await it.Device();
        await (await it.PostJson($"/api/devices/{id}/move", new { location = "Room 12" })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(id)).Location.ShouldBe("Room 12");
        await (await it.PostJson($"/api/devices/{id}/move", new { })).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task Every_role_but_auditor_reports_a_fault()
    {
        var id = await it.Device();
        foreach (var key in new[] { "demo-clerk", "demo-hr", "demo-accountant", "demo-manager", "demo-it", "demo-admin" })
            await api.As(key).Report(id, "Jam " + key);
        await (await api.As("demo-auditor").PostJson($"/api/devices/{id}/tickets", new { symptom = "Jam", severity = "Low" })).ShouldBeProblem(403, "forbidden");
        await (await clerk.PostJson($"/api/devices/{id}/tickets", new { symptom = "Jam" })).ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostRaw($"/api/devices/{id}/tickets", """{"symptom":"Jam","severity":"Apocalyptic"}""")).ShouldBeProblem(400, "malformed-json");
        (await it.GetDevice(id)).OpenTickets.ShouldBe(6);
    }

    [Fact]
    public async Task Troubleshooting_repair_and_resolve_refuse_what_the_ticket_state_refuses()
    {
        var id = await it.Device();
        var ticket = await clerk.Report(id, "No power", "Critical");
        var route = $"/api/devices/{id}/tickets/{ticket}";
        await (await clerk.PostJson($"{route}/troubleshooting", new { steps = "x", outcome = "NotFixed" })).ShouldBeProblem(403, "forbidden");
        await (await it.PostJson($"{route}/troubleshooting", new { steps = "Checked the plug", outcome = "NotFixed" })).ShouldBe<EquipmentApi.Created>(200);
        await (await it.PostJson($"/api/devices/{id}/tickets/{Guid.NewGuid()}/troubleshooting", new { steps = "x", outcome = "Fixed" })).ShouldBeProblem(404, "not-found");
        await (await it.PostJson($"{route}/repair", new { technician = "External" })).ShouldBeProblem(400, "validation-failed");
        await (await it.PostJson($"{route}/repair", new { technician = "InHouse", cost = 10.005m })).ShouldBeProblem(400, "validation-failed");
        await (await it.PostJson($"{route}/repair", new { technician = "InHouse", cost = 35.5m })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(id)).Status.ShouldBe(DeviceStatus.UnderRepair);
        (await (await it.GetAsync($"/api/devices?status=UnderRepair&pageSize=200")).ShouldBe<Page<ListDevicesEndpoint.Item>>(200))
            .Items.ShouldContain(d => d.Id == id);
        await (await it.PostJson($"{route}/repair", new { technician = "InHouse" })).ShouldBeProblem(409, "repair-already-under-way");
        await (await it.PostJson($"{route}/resolve", new { })).ShouldBeProblem(400, "validation-failed");
        await (await it.PostJson($"{route}/resolve", new { resolution = "Replaced the power supply" })).ShouldBe<EquipmentApi.Created>(200);
        await (await it.PostJson($"{route}/resolve", new { resolution = "again" })).ShouldBeProblem(409, "ticket-resolved");
        await (await it.PostJson($"{route}/troubleshooting", new { steps = "x", outcome = "Fixed" })).ShouldBeProblem(409, "ticket-resolved");
        await (await it.PostJson($"{route}/repair", new { technician = "InHouse" })).ShouldBeProblem(409, "ticket-resolved");
        var device = await it.GetDevice(id);
        (device.Status, device.OpenTickets, device.Reliability.RepairCost).ShouldBe((DeviceStatus.InService, 0, 35.5m));
    }

    [Fact]
    public async Task Open_tickets_are_listed_by_severity_then_age()
    {
        var id = await it.Device();
        var low = await clerk.Report(id, "Squeak", "Low");
        var critical = await clerk.Report(id, "Smoke", "Critical");
        var medium = await clerk.Report(id, "Jam", "Medium");
        var list = await (await it.GetAsync($"/api/fault-tickets?deviceId={id}")).ShouldBe<Page<ListFaultTicketsEndpoint.Item>>(200);
        list.Items.Select(t => t.TicketId).ShouldBe([critical, medium, low]);
        list.Items.ShouldAllBe(t => t.AgeHours >= 0);
        var lows = await (await it.GetAsync($"/api/fault-tickets?deviceId={id}&severity=Low")).ShouldBe<Page<ListFaultTicketsEndpoint.Item>>(200);
        lows.Items.ShouldHaveSingleItem().TicketId.ShouldBe(low);
        await (await it.GetAsync("/api/fault-tickets?severity=Apocalyptic")).ShouldBeProblem(400, "validation-failed");
        await (await it.GetAsync("/api/fault-tickets?status=Closed")).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task Devices_are_listed_by_kind_and_status()
    {
        var fax = await it.Device(EquipmentApi.NewDevice(kind: "Fax"));
        var page = await (await it.GetAsync("/api/devices?kind=Fax&status=InService&pageSize=200")).ShouldBe<Page<ListDevicesEndpoint.Item>>(200);
        page.Items.ShouldContain(d => d.Id == fax);
        page.Items.ShouldAllBe(d => d.Kind == DeviceKind.Fax && d.Status == DeviceStatus.InService);
        await (await it.GetAsync("/api/devices?kind=Toaster")).ShouldBeProblem(400, "validation-failed");
        await (await it.GetAsync("/api/devices?status=Broken")).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task Maintenance_schedule_and_records_and_the_due_list()
    {
        var id = await it.Device();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await (await it.PutAsJsonAsync($"/api/devices/{id}/maintenance-schedule", new { everyDays = 0 })).ShouldBeProblem(400, "validation-failed");
        await (await it.PutAsJsonAsync($"/api/devices/{id}/maintenance-schedule", new { everyDays = 7 })).ShouldBe<EquipmentApi.Created>(200);
        var due = await (await it.GetAsync("/api/devices/maintenance-due?status=Due&pageSize=200")).ShouldBe<Page<ListMaintenanceDueEndpoint.Item>>(200);
        var line = due.Items.Single(i => i.DeviceId == id);
        (line.NextMaintenanceDue, line.MaintenanceStatus, line.DaysOverdue).ShouldBe((today.AddDays(7), MaintenanceStatus.Due, 0));
        (await (await it.GetAsync("/api/devices/maintenance-due?withinDays=3&pageSize=200")).ShouldBe<Page<ListMaintenanceDueEndpoint.Item>>(200))
            .Items.ShouldNotContain(i => i.DeviceId == id);
        await (await it.PostJson($"/api/devices/{id}/maintenance", new { performedOn = today.AddDays(1) })).ShouldBeProblem(400, "validation-failed");
        await (await it.PostJson($"/api/devices/{id}/maintenance", new { performedOn = today, notes = "Cleaned" })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(id)).NextMaintenanceDue.ShouldBe(today.AddDays(7));
        await (await it.GetAsync("/api/devices/maintenance-due?withinDays=400")).ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson($"/api/devices/{id}/maintenance", new { performedOn = today })).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task Consumables_must_exist_and_only_listed_ones_are_replaced()
    {
        var id = await it.Device();
        var toner = await clerk.Stocked(onHand: 5);
        await (await it.PutAsJsonAsync($"/api/devices/{id}/consumables", new { supplyItemIds = new[] { Guid.NewGuid() } })).ShouldBeProblem(404, "not-found");
        await (await it.PostJson($"/api/devices/{id}/consumables/{toner}/replace", new { quantity = 1 })).ShouldBeProblem(409, "not-a-consumable");
        await (await it.PutAsJsonAsync($"/api/devices/{id}/consumables", new { supplyItemIds = new[] { toner } })).ShouldBe<EquipmentApi.Created>(200);
        (await it.GetDevice(id)).Consumables.ShouldBe([toner]);
        await (await it.PostJson($"/api/devices/{id}/consumables/{toner}/replace", new { quantity = 0 })).ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson($"/api/devices/{id}/consumables/{toner}/replace", new { quantity = 1 })).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task Delivering_the_consumables_message_twice_issues_the_stock_once()
    {
        var id = await it.Device();
        var toner = await clerk.Stocked(onHand: 5, reorderPoint: 0);
        await (await it.PutAsJsonAsync($"/api/devices/{id}/consumables", new { supplyItemIds = new[] { toner } })).ShouldBe<EquipmentApi.Created>(200);
        var replaced = await (await it.PostJson($"/api/devices/{id}/consumables/{toner}/replace", new { quantity = 2 })).ShouldBe<EquipmentApi.ReplacementCreated>(200);
        await it.DeviceWhen(id, d => d.Replacements.Single().Status == ReplacementStatus.Issued);

        using var scope = api.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var message = new IssueConsumableStock("demo", id, replaced.ReplacementId, "again", "again");
        await bus.InvokeAsync(message);
        await bus.InvokeAsync(message);

        (await clerk.GetItem(toner)).OnHand.ShouldBe(3);
        (await api.Store.EventTypes(toner)).Count(t => t == "stock_issued_v1").ShouldBe(1);
        (await api.Store.EventTypes(id)).Count(t => t == "consumable_stock_issued_v1").ShouldBe(1);
    }

    [Fact]
    public async Task Retire_refuses_open_tickets_and_a_retired_device_takes_nothing()
    {
        var id = await it.Device();
        var ticket = await clerk.Report(id);
        await (await it.PostJson($"/api/devices/{id}/retire", new { reason = "Old" })).ShouldBeProblem(409, "device-has-open-tickets");
        await (await it.PostJson($"/api/devices/{id}/tickets/{ticket}/troubleshooting", new { steps = "Reseated the tray", outcome = "Fixed" })).ShouldBe<EquipmentApi.Created>(200);
        await (await it.PostJson($"/api/devices/{id}/retire", new { })).ShouldBeProblem(400, "validation-failed");
        await (await it.PostJson($"/api/devices/{id}/retire", new { reason = "Old" })).ShouldBe<EquipmentApi.Created>(200);
        await (await it.PostJson($"/api/devices/{id}/retire", new { reason = "Old" })).ShouldBeProblem(409, "device-retired");
        await (await it.PutAsJsonAsync($"/api/devices/{id}/maintenance-schedule", new { everyDays = 30 })).ShouldBeProblem(409, "device-retired");
        await (await it.PutAsJsonAsync($"/api/devices/{id}/consumables", new { supplyItemIds = Array.Empty<Guid>() })).ShouldBeProblem(409, "device-retired");
        (await it.GetDevice(id)).Status.ShouldBe(DeviceStatus.Retired);
    }

    [Fact]
    public async Task The_openapi_document_says_a_repair_cost_is_a_decimal()
    {
        var doc = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeJson(200);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty("EscalateToRepairRequest");
        request.GetProperty("properties").GetProperty("cost").GetProperty("format").GetString().ShouldBe("decimal");
        doc.GetProperty("paths").GetProperty("/api/devices/{id}/consumables/{supplyItemId}/replace").GetProperty("post")
            .GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Rebuilding_the_fault_ticket_view_gives_the_same_rows()
    {
        var id = await it.Device();
        var ticket = await clerk.Report(id, "Jam", "High");
        await (await it.PostJson($"/api/devices/{id}/tickets/{ticket}/repair", new { technician = "External", vendor = "V", cost = 12.34m })).ShouldBe<EquipmentApi.Created>(200);
        await (await it.PostJson($"/api/devices/{id}/move", new { location = "Elsewhere " + RecruitingApi.Tag() })).ShouldBe<EquipmentApi.Created>(200);
        var before = await (await it.GetAsync($"/api/fault-tickets?deviceId={id}")).Content.ReadAsStringAsync();

        using var daemon = await api.Store.BuildProjectionDaemonAsync("demo");
        await daemon.RebuildProjectionAsync<BackOffice.Projections.Equipment.FaultTicketViewProjection>(TimeSpan.FromMinutes(1), CancellationToken.None);

        var after = await (await it.GetAsync($"/api/fault-tickets?deviceId={id}")).Content.ReadAsStringAsync();
        System.Text.RegularExpressions.Regex.Replace(after, "\"ageHours\":[0-9.]+", "")
            .ShouldBe(System.Text.RegularExpressions.Regex.Replace(before, "\"ageHours\":[0-9.]+", ""));
        after.ShouldContain("12.34");
    }
}
