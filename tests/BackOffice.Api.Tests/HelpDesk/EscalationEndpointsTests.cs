using BackOffice.Api.Equipment;
using BackOffice.Api.HelpDesk;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.Equipment;
using BackOffice.Domain.Equipment;
using BackOffice.Domain.HelpDesk;

namespace BackOffice.Api.Tests.HelpDesk;

/// <summary>Escalation of a hardware support request to a fault ticket on its device, through the workflow, linked both ways.</summary>
[Collection(ApiCollection.Name)]
public class EscalationEndpointsTests(ApiFixture api)
{
    private readonly HttpClient it = api.As("demo-it");

    [Fact]
    public async Task A_hardware_request_naming_a_device_becomes_a_fault_ticket_on_it_and_both_name_each_other()
    {
        var device = await it.Device();
        var requester = api.User(HelpDeskApi.NewUser("escalating"));
        var request = await requester.Open(priority: "Critical", deviceId: device);

        var escalated = await (await it.PostJson($"/api/support-requests/{request}/escalate", new { }))
            .ShouldBe<EscalateSupportRequestEndpoint.Response>(200);
        (escalated.Id, escalated.Version).ShouldBe((request, 2));
        escalated.TicketId.ShouldBe(SupportRequest.EscalationTicketId(request));
        (await requester.Request(request)).DeviceTicketId.ShouldBe(escalated.TicketId);

        // The workflow opens the ticket on the device once the command committed: poll, never sleep.
        var onDevice = await it.DeviceWhen(device, d => d.Tickets.Any(t => t.TicketId == escalated.TicketId));
        var ticket = onDevice.Tickets.Single(t => t.TicketId == escalated.TicketId);
        (ticket.SupportRequestId, ticket.Symptom, ticket.Severity, ticket.Status, ticket.ReportedBy)
            .ShouldBe((request, "Printer jams on floor 2", FaultSeverity.Critical, TicketStatus.Open, EscalateSupportRequestEndpoint.Actor));
        onDevice.OpenTickets.ShouldBe(1);
        var listed = await (await it.GetAsync($"/api/fault-tickets?deviceId={device}")).ShouldBe<Page<ListFaultTicketsEndpoint.Item>>(200);
        listed.Items.ShouldHaveSingleItem().SupportRequestId.ShouldBe(request);

        // Once only: a second escalation is refused, the device keeps one ticket.
        await (await it.PostJson($"/api/support-requests/{request}/escalate", new { })).ShouldBeProblem(409, "support-request-already-escalated");
        (await it.GetDevice(device)).Tickets.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Requests_that_cannot_be_escalated_are_refused()
    {
        var requester = api.User(HelpDeskApi.NewUser("escalating"));
        var device = await it.Device();

        var software = await requester.Open(category: "Software", deviceId: device);
        await (await it.PostJson($"/api/support-requests/{software}/escalate", new { })).ShouldBeProblem(409, "support-request-not-escalatable");

        var noDevice = await requester.Open();
        await (await it.PostJson($"/api/support-requests/{noDevice}/escalate", new { })).ShouldBeProblem(409, "support-request-not-escalatable");

        var retiredDevice = await it.Device();
        var onRetired = await requester.Open(deviceId: retiredDevice);
        await it.PostJson($"/api/devices/{retiredDevice}/retire", new { reason = "End of life" }).Ok<EquipmentApi.Created>();
        await (await it.PostJson($"/api/support-requests/{onRetired}/escalate", new { })).ShouldBeProblem(409, "device-retired");
        (await requester.Request(onRetired)).DeviceTicketId.ShouldBeNull();

        var resolved = await requester.Open(deviceId: device);
        await it.Command(resolved, "resolve", new { resolution = "Cleaned the rollers" });
        await (await it.PostJson($"/api/support-requests/{resolved}/escalate", new { })).ShouldBeProblem(409, "support-request-transition-not-allowed");

        await (await requester.PostJson($"/api/support-requests/{software}/escalate", new { })).ShouldBeProblem(403, "forbidden");
        await (await it.PostJson($"/api/support-requests/{Guid.NewGuid()}/escalate", new { })).ShouldBeProblem(404, "not-found");
        (await it.GetDevice(device)).Tickets.ShouldBeEmpty();
    }
}
