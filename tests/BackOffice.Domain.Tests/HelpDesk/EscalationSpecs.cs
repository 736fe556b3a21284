using BackOffice.Domain.Equipment;
using BackOffice.Domain.HelpDesk;

namespace BackOffice.Domain.Tests.HelpDesk;

/// <summary>Escalating a hardware support request to a fault ticket on its device, in every status, and the device's side.</summary>
public class EscalationSpecs
{
    private static readonly Guid Id = Spec.Id(520);
    private static readonly Guid DeviceId = Spec.Id(521);
    private static readonly DateTimeOffset T0 = Spec.Now.AddHours(-2);
    private static readonly Guid TicketId = SupportRequest.EscalationTicketId(Id);

    private static readonly SupportRequestOpened Opened = new(Id, Spec.Id(522), "demo-clerk", SupportCategory.Hardware, SupportPriority.High,
        "Printer jams", DeviceId, T0, TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(7));
    private static readonly SupportRequestEscalated Escalated = new(Id, DeviceId, TicketId, "demo-it", Spec.Now);

    private static readonly Device Printer = Device.From([new DeviceRegistered(DeviceId, "PR-1", DeviceKind.Printer, "HP", "M404", null, "Hall", null, null, T0.AddDays(-30))])!;
    private static readonly Device Retired = Device.From([
        new DeviceRegistered(DeviceId, "PR-1", DeviceKind.Printer, "HP", "M404", null, "Hall", null, null, T0.AddDays(-30)),
        new DeviceRetired(DeviceId, "End of life", T0)])!;

    public static TheoryData<string> Statuses => new() { "open", "assigned", "waiting", "resolved", "closed" };

    private static object[] History(string status) => status switch
    {
        "open" => [Opened],
        "assigned" => [Opened, new SupportRequestAssigned(Id, "demo-it", "demo-it", T0.AddMinutes(5))],
        "waiting" => [Opened, new SupportRequestCommented(Id, Spec.Id(1), "demo-it", T0.AddMinutes(6), true)],
        "resolved" => [Opened, new SupportRequestResolved(Id, "demo-it", T0.AddMinutes(7), T0.AddDays(7))],
        _ => [Opened, new SupportRequestResolved(Id, "demo-it", T0.AddMinutes(7), T0.AddDays(7)), new SupportRequestConfirmed(Id, "demo-clerk", T0.AddMinutes(8))],
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void An_active_hardware_request_naming_a_device_is_escalated_with_a_ticket_id_derived_from_its_own(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.Escalate(Printer, Spec.As("demo-it")));
        if (status is "resolved" or "closed")
        {
            outcome.ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);
            return;
        }
        outcome.Then(Escalated).And(r => r.DeviceTicketId.ShouldBe(TicketId));
    }

    [Fact]
    public void The_ticket_id_is_the_same_for_the_same_request_and_differs_between_requests()
    {
        SupportRequest.EscalationTicketId(Id).ShouldBe(TicketId);
        SupportRequest.EscalationTicketId(Spec.Id(999)).ShouldNotBe(TicketId);
        TicketId.ShouldNotBe(Id);
    }

    [Fact]
    public void A_second_escalation_is_refused()
        => Spec.Given(SupportRequest.From, Opened, Escalated).When(r => r.Escalate(Printer, Spec.As("demo-it")))
            .ThenRefused(ErrorCodes.SupportRequestAlreadyEscalated);

    [Theory]
    [InlineData(SupportCategory.Software)]
    [InlineData(SupportCategory.Network)]
    [InlineData(SupportCategory.Access)]
    public void A_request_that_is_not_hardware_is_not_escalatable(SupportCategory category)
        => Spec.Given(SupportRequest.From, Opened with { Category = category }).When(r => r.Escalate(Printer, Spec.As("demo-it")))
            .ThenRefused(ErrorCodes.SupportRequestNotEscalatable);

    [Fact]
    public void A_request_naming_no_device_is_not_escalatable()
        => Spec.Given(SupportRequest.From, Opened with { DeviceId = null }).When(r => r.Escalate(null, Spec.As("demo-it")))
            .ThenRefused(ErrorCodes.SupportRequestNotEscalatable);

    [Fact]
    public void A_request_naming_an_unknown_device_is_not_escalatable()
        => Spec.Given(SupportRequest.From, Opened).When(r => r.Escalate(null, Spec.As("demo-it")))
            .ThenRefused(ErrorCodes.SupportRequestNotEscalatable);

    [Fact]
    public void A_retired_device_takes_no_escalation()
        => Spec.Given(SupportRequest.From, Opened).When(r => r.Escalate(Retired, Spec.As("demo-it")))
            .ThenRefused(ErrorCodes.DeviceRetired);

    [Fact]
    public void A_refusal_of_the_device_drops_the_link_and_allows_a_new_escalation()
        => Spec.Given(SupportRequest.From, Opened, Escalated)
            .When(r => r.RecordEscalationRefused(TicketId, ErrorCodes.DeviceRetired, "retired", Spec.As("workflow:support-escalation")))
            .Then(new SupportRequestEscalationRefused(Id, TicketId, ErrorCodes.DeviceRetired, "retired", Spec.Now))
            .And(r => r.DeviceTicketId.ShouldBeNull())
            .When(r => r.Escalate(Printer, Spec.As("demo-it")))
            .Then(Escalated);

    [Fact]
    public void A_refusal_of_another_ticket_records_nothing()
        => Spec.Given(SupportRequest.From, Opened, Escalated)
            .When(r => r.RecordEscalationRefused(Spec.Id(77), ErrorCodes.DeviceRetired, "retired", Spec.As("workflow:support-escalation")))
            .ThenNothing();

    [Fact]
    public void The_device_opens_the_escalated_ticket_linked_to_the_request_once()
        => Spec.Given(Device.From, new DeviceRegistered(DeviceId, "PR-1", DeviceKind.Printer, "HP", "M404", null, "Hall", null, null, T0.AddDays(-30)))
            .When(d => d.OpenEscalatedTicket(new OpenEscalatedTicket(Id, TicketId, "Printer jams", FaultSeverity.High), Spec.As("workflow:support-escalation")))
            .Then(new DeviceFaultReported(DeviceId, TicketId, "Printer jams", FaultSeverity.High, "workflow:support-escalation", Spec.Now),
                new FaultTicketLinkedToSupportRequest(DeviceId, TicketId, Id))
            .And(d =>
            {
                d.OpenTickets.ShouldBe(1);
                d.Ticket(TicketId)!.SupportRequestId.ShouldBe(Id);
            })
            .When(d => d.OpenEscalatedTicket(new OpenEscalatedTicket(Id, TicketId, "Printer jams", FaultSeverity.High), Spec.As("workflow:support-escalation")))
            .ThenNothing();

    [Fact]
    public void A_retired_device_refuses_the_escalated_ticket()
        => Spec.Given(Device.From, new DeviceRegistered(DeviceId, "PR-1", DeviceKind.Printer, "HP", "M404", null, "Hall", null, null, T0.AddDays(-30)),
                new DeviceRetired(DeviceId, "End of life", T0))
            .When(d => d.OpenEscalatedTicket(new OpenEscalatedTicket(Id, TicketId, "Printer jams", FaultSeverity.High), Spec.As("workflow:support-escalation")))
            .ThenRefused(ErrorCodes.DeviceRetired);

    [Theory]
    [InlineData(SupportPriority.Low, FaultSeverity.Low)]
    [InlineData(SupportPriority.Medium, FaultSeverity.Medium)]
    [InlineData(SupportPriority.High, FaultSeverity.High)]
    [InlineData(SupportPriority.Critical, FaultSeverity.Critical)]
    public void The_ticket_severity_is_the_request_priority(SupportPriority priority, FaultSeverity severity)
        => SupportRequest.From([Opened with { Priority = priority }])!.EscalationSeverity.ShouldBe(severity);
}
