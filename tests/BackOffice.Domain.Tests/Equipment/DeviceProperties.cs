using BackOffice.Domain.Equipment;
using CsCheck;

namespace BackOffice.Domain.Tests.Equipment;

/// <summary>
/// Invariants of <see cref="Device"/> over random command sequences (refusals skipped, as the API would answer them):
/// a resolved ticket is never reopened nor touched again, a device never retires with an open ticket, a retired
/// device takes no event, the status follows the tickets, and the reliability figures stay consistent.
/// </summary>
public class DeviceProperties
{
    private enum Kind { Report, Troubleshoot, Fix, Repair, Resolve, Retire, Move, Maintain }

    private sealed record Step(Kind Kind, int Ticket, int Minutes)
    {
        public override string ToString() => $"{Kind}(ticket {Ticket}, +{Minutes} min)";
    }

    private static readonly Gen<Step> StepGen = Gen.Select(
        Gen.Frequency((5, Gen.Const(Kind.Report)), (3, Gen.Const(Kind.Troubleshoot)), (2, Gen.Const(Kind.Fix)), (3, Gen.Const(Kind.Repair)),
            (4, Gen.Const(Kind.Resolve)), (2, Gen.Const(Kind.Retire)), (1, Gen.Const(Kind.Move)), (1, Gen.Const(Kind.Maintain))),
        Gen.Int[0, 4], Gen.Int[0, 600], (kind, ticket, minutes) => new Step(kind, ticket, minutes));

    [Fact]
    public void A_resolved_ticket_is_never_reopened_and_a_device_never_retires_with_an_open_ticket()
        => StepGen.Array[1, 60].Sample(steps =>
        {
            var id = Guid.CreateVersion7();
            var now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
            var history = new List<object>();
            history.AddRange(Device.Register(new RegisterDevice(id, "P-1", DeviceKind.Printer, "HP", "M404", null, "B1"), new DecisionContext("it", now, Guid.CreateVersion7)));
            var resolved = new HashSet<Guid>();
            foreach (var step in steps)
            {
                now = now.AddMinutes(step.Minutes);
                var device = Device.From(history)!;
                var context = new DecisionContext("it", now, Guid.CreateVersion7);
                var ticket = device.Tickets.Count == 0 ? Guid.CreateVersion7() : device.Tickets[step.Ticket % device.Tickets.Count].TicketId;
                IReadOnlyList<IEquipmentEvent> events;
                try
                {
                    events = step.Kind switch
                    {
                        Kind.Report => device.ReportFault(new ReportFault("Jam", (FaultSeverity)(step.Ticket % 4)), context),
                        Kind.Troubleshoot => device.RecordTroubleshooting(new RecordTroubleshooting(ticket, "Tried", TroubleshootingOutcome.NotFixed), context),
                        Kind.Fix => device.RecordTroubleshooting(new RecordTroubleshooting(ticket, "Tried", TroubleshootingOutcome.Fixed), context),
                        Kind.Repair => device.EscalateToRepair(new EscalateToRepair(ticket, RepairTechnician.External, "V", 10.5m), context),
                        Kind.Resolve => device.Resolve(new ResolveFaultTicket(ticket, "Done"), context),
                        Kind.Retire => device.Retire(new RetireDevice("Old"), context),
                        Kind.Move => device.Move(new MoveDevice("Room " + step.Ticket)),
                        _ => device.RecordMaintenance(new RecordMaintenance(DateOnly.FromDateTime(now.UtcDateTime)), context),
                    };
                }
                catch (DomainException)
                {
                    continue;
                }

                device.Retired.ShouldBeFalse("a retired device decided events");
                if (events.OfType<DeviceRetired>().Any()) device.OpenTickets.ShouldBe(0, "retired with an open ticket");
                foreach (var e in events)
                {
                    var touched = e switch
                    {
                        TroubleshootingRecorded t => t.TicketId,
                        FaultEscalatedToRepair x => x.TicketId,
                        FaultTicketResolved r => r.TicketId,
                        _ => (Guid?)null,
                    };
                    if (touched is { } t2) resolved.ShouldNotContain(t2, "a resolved ticket was touched again");
                }
                history.AddRange(events);
                foreach (var r in events.OfType<FaultTicketResolved>()) resolved.Add(r.TicketId);

                var after = Device.From(history)!;
                after.Tickets.Where(t => resolved.Contains(t.TicketId)).ShouldAllBe(t => t.Status == TicketStatus.Resolved);
                after.Tickets.Count(t => t.Status == TicketStatus.Resolved).ShouldBe(resolved.Count);
                if (after.Retired) after.OpenTickets.ShouldBe(0);
                after.Status.ShouldBe(after.Retired ? DeviceStatus.Retired
                    : after.Tickets.Any(t => t.Status == TicketStatus.UnderRepair) ? DeviceStatus.UnderRepair : DeviceStatus.InService);
                var reliability = after.Reliability;
                reliability.RepairedFailures.ShouldBeLessThanOrEqualTo(reliability.Failures);
                reliability.Failures.ShouldBeLessThanOrEqualTo(after.Tickets.Count);
                reliability.Downtime.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
                (after.OpenTickets > 0).ShouldBe(after.DownPeriods.Count > 0 && after.DownPeriods[^1].End is null, "down exactly while a ticket is open");
            }
        }, iter: 1_000);
}
