using BackOffice.Domain.Equipment;
using BackOffice.Domain.Inventory;

namespace BackOffice.Domain.Tests.Equipment;

public class DeviceSpecs
{
    private static readonly Guid DeviceId = Spec.Id(500);
    private static readonly Guid Ticket = Spec.Id(501);
    private static readonly Guid Ticket2 = Spec.Id(502);
    private static readonly Guid Department = Spec.Id(600);
    private static readonly Guid Employee = Spec.Id(601);
    private static readonly Guid Toner = Spec.Id(700);
    private static readonly DateTimeOffset Registration = Spec.Now.AddDays(-100);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Spec.Now.UtcDateTime);

    private static readonly DeviceRegistered Registered = new(DeviceId, "CP-1", DeviceKind.Copier, "Canon", "iR 2630", "SN1", "Copy room",
        new DateOnly(2025, 1, 10), new DateOnly(2028, 1, 9), Registration);
    private static readonly DeviceFaultReported Reported = new(DeviceId, Ticket, "Paper jam", FaultSeverity.Medium, "demo-clerk", Spec.Now.AddHours(-5));
    private static readonly FaultEscalatedToRepair Escalated = new(DeviceId, Ticket, RepairTechnician.External, "Copy Service", 120.50m, null, "it", Spec.Now.AddHours(-4));
    private static readonly FaultTicketResolved ResolvedEarlier = new(DeviceId, Ticket, "Roller replaced", "it", Spec.Now.AddHours(-1));
    private static readonly DeviceRetired RetiredEarlier = new(DeviceId, "End of life", Spec.Now.AddHours(-1));

    private static readonly Dictionary<string, object[]> States = new(StringComparer.Ordinal)
    {
        ["in-service"] = [Registered],
        ["ticket-open"] = [Registered, Reported],
        ["under-repair"] = [Registered, Reported, Escalated],
        ["ticket-resolved"] = [Registered, Reported, Escalated, ResolvedEarlier],
        ["retired"] = [Registered, RetiredEarlier],
    };

    private static readonly Dictionary<string, Func<Device, IReadOnlyList<IEquipmentEvent>>> Commands = new(StringComparer.Ordinal)
    {
        ["assign"] = d => d.Assign(new AssignDevice(null, Department)),
        ["move"] = d => d.Move(new MoveDevice("Hall")),
        ["report"] = d => d.ReportFault(new ReportFault("Toner smear", FaultSeverity.Low), Spec.As("demo-clerk")),
        ["troubleshoot"] = d => d.RecordTroubleshooting(new RecordTroubleshooting(Ticket, "Cleaned the drum", TroubleshootingOutcome.NotFixed), Spec.As("it")),
        ["troubleshoot-fixed"] = d => d.RecordTroubleshooting(new RecordTroubleshooting(Ticket, "Cleaned the drum", TroubleshootingOutcome.Fixed), Spec.As("it")),
        ["repair"] = d => d.EscalateToRepair(new EscalateToRepair(Ticket, RepairTechnician.InHouse), Spec.As("it")),
        ["resolve"] = d => d.Resolve(new ResolveFaultTicket(Ticket, "Replaced fuser"), Spec.As("it")),
        ["schedule"] = d => d.ScheduleMaintenance(new ScheduleMaintenance(90), Spec.As("it")),
        ["maintain"] = d => d.RecordMaintenance(new RecordMaintenance(Today), Spec.As("it")),
        ["consumables"] = d => d.SetConsumables(new SetConsumables([Toner])),
        ["replace"] = d => d.ReplaceConsumable(new ReplaceConsumable(Toner, 1), Spec.As("it")),
        ["retire"] = d => d.Retire(new RetireDevice("Obsolete"), Spec.As("it")),
    };

    /// <summary>Every command in every device and ticket state: the event types decided, or the refusal's code.</summary>
    public static TheoryData<string, string, string> Matrix => new()
    {
        { "assign", "in-service", "DeviceAssigned" }, { "assign", "ticket-open", "DeviceAssigned" }, { "assign", "under-repair", "DeviceAssigned" },
        { "assign", "ticket-resolved", "DeviceAssigned" }, { "assign", "retired", "device-retired" },
        { "move", "in-service", "DeviceMoved" }, { "move", "ticket-open", "DeviceMoved" }, { "move", "under-repair", "DeviceMoved" },
        { "move", "ticket-resolved", "DeviceMoved" }, { "move", "retired", "device-retired" },
        { "report", "in-service", "DeviceFaultReported" }, { "report", "ticket-open", "DeviceFaultReported" }, { "report", "under-repair", "DeviceFaultReported" },
        { "report", "ticket-resolved", "DeviceFaultReported" }, { "report", "retired", "device-retired" },
        { "troubleshoot", "in-service", "not-found" }, { "troubleshoot", "ticket-open", "TroubleshootingRecorded" },
        { "troubleshoot", "under-repair", "TroubleshootingRecorded" }, { "troubleshoot", "ticket-resolved", "ticket-resolved" }, { "troubleshoot", "retired", "device-retired" },
        { "troubleshoot-fixed", "in-service", "not-found" }, { "troubleshoot-fixed", "ticket-open", "TroubleshootingRecorded,FaultTicketResolved" },
        { "troubleshoot-fixed", "under-repair", "TroubleshootingRecorded,FaultTicketResolved" }, { "troubleshoot-fixed", "ticket-resolved", "ticket-resolved" },
        { "troubleshoot-fixed", "retired", "device-retired" },
        { "repair", "in-service", "not-found" }, { "repair", "ticket-open", "FaultEscalatedToRepair" }, { "repair", "under-repair", "repair-already-under-way" },
        { "repair", "ticket-resolved", "ticket-resolved" }, { "repair", "retired", "device-retired" },
        { "resolve", "in-service", "not-found" }, { "resolve", "ticket-open", "FaultTicketResolved" }, { "resolve", "under-repair", "FaultTicketResolved" },
        { "resolve", "ticket-resolved", "ticket-resolved" }, { "resolve", "retired", "device-retired" },
        { "schedule", "in-service", "MaintenanceScheduled" }, { "schedule", "ticket-open", "MaintenanceScheduled" }, { "schedule", "under-repair", "MaintenanceScheduled" },
        { "schedule", "ticket-resolved", "MaintenanceScheduled" }, { "schedule", "retired", "device-retired" },
        { "maintain", "in-service", "MaintenancePerformed" }, { "maintain", "ticket-open", "MaintenancePerformed" }, { "maintain", "under-repair", "MaintenancePerformed" },
        { "maintain", "ticket-resolved", "MaintenancePerformed" }, { "maintain", "retired", "device-retired" },
        { "consumables", "in-service", "DeviceConsumablesSet" }, { "consumables", "ticket-open", "DeviceConsumablesSet" },
        { "consumables", "under-repair", "DeviceConsumablesSet" }, { "consumables", "ticket-resolved", "DeviceConsumablesSet" }, { "consumables", "retired", "device-retired" },
        { "replace", "in-service", "not-a-consumable" }, { "replace", "ticket-open", "not-a-consumable" }, { "replace", "under-repair", "not-a-consumable" },
        { "replace", "ticket-resolved", "not-a-consumable" }, { "replace", "retired", "device-retired" },
        { "retire", "in-service", "DeviceRetired" }, { "retire", "ticket-open", "device-has-open-tickets" }, { "retire", "under-repair", "device-has-open-tickets" },
        { "retire", "ticket-resolved", "DeviceRetired" }, { "retire", "retired", "device-retired" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_command_in_every_state(string command, string state, string expected)
    {
        var outcome = Spec.Given(Device.From, States[state]).When(d => Commands[command](d));
        if (expected.Contains(',', StringComparison.Ordinal) || char.IsUpper(expected[0]))
            string.Join(',', outcome.Events.Select(e => e.GetType().Name)).ShouldBe(expected);
        else
            outcome.ThenRefused(expected);
    }

    [Fact]
    public void Every_command_is_in_the_matrix()
    {
        var covered = Matrix.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (var command in Commands.Keys)
            foreach (var state in States.Keys)
                covered.ShouldContain((command, state));
    }

    [Fact]
    public void Replacing_a_listed_consumable_in_every_state_but_retired_requests_its_issue()
    {
        foreach (var (name, history) in States.Where(s => s.Key != "retired"))
            Spec.Given(Device.From, [.. history, new DeviceConsumablesSet(DeviceId, [Toner])])
                .When(d => d.ReplaceConsumable(new ReplaceConsumable(Toner, 2), Spec.As("it")))
                .Then(new ConsumableReplacementRequested(DeviceId, Spec.Id(1), Toner, 2, "it", Spec.Now))
                .And(d => d.Replacements.ShouldHaveSingleItem().Status.ShouldBe(ReplacementStatus.Requested, name));
    }

    [Fact]
    public void Register_records_the_device_trimmed()
        => Spec.When(() => Device.Register(new RegisterDevice(DeviceId, " CP-1 ", DeviceKind.Copier, "Canon", "iR 2630", "SN1", "Copy room",
                new DateOnly(2025, 1, 10), new DateOnly(2028, 1, 9)), Spec.As("it") with { Now = Registration }))
            .Then(Registered);

    [Theory]
    [InlineData("", "assetTag")]
    [InlineData("   ", "assetTag")]
    public void Register_needs_an_asset_tag(string tag, string field)
        => Spec.When(() => Device.Register(new RegisterDevice(DeviceId, tag, DeviceKind.Printer, "HP", "M404", null, "B1"), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Register_refuses_an_asset_tag_over_64_characters()
        => Spec.When(() => Device.Register(new RegisterDevice(DeviceId, new string('x', 65), DeviceKind.Printer, "HP", "M404", null, "B1"), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "assetTag");

    [Fact]
    public void Register_refuses_a_warranty_ending_before_the_purchase()
        => Spec.When(() => Device.Register(new RegisterDevice(DeviceId, "P-1", DeviceKind.Printer, "HP", "M404", null, "B1",
                new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "warrantyUntil");

    [Fact]
    public void Register_refuses_an_unknown_kind()
        => Spec.When(() => Device.Register(new RegisterDevice(DeviceId, "P-1", (DeviceKind)42, "HP", "M404", null, "B1"), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "kind");

    [Fact]
    public void A_registered_device_is_in_service_with_nothing_open()
    {
        var device = Device.From([Registered]).ShouldNotBeNull();
        device.Status.ShouldBe(DeviceStatus.InService);
        device.OpenTickets.ShouldBe(0);
        device.NextMaintenanceDue.ShouldBeNull();
        device.Reliability.ShouldBe(Reliability.None);
    }

    [Fact]
    public void Assign_to_an_employee()
        => Spec.Given(Device.From, Registered)
            .When(d => d.Assign(new AssignDevice(Employee, null)))
            .Then(new DeviceAssigned(DeviceId, Employee, null))
            .And(d => d.AssignedTo.ShouldBe(new Assignee(Employee, null)));

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Assign_needs_exactly_one_assignee(bool employee, bool department)
        => Spec.Given(Device.From, Registered)
            .When(d => d.Assign(new AssignDevice(employee ? Employee : null, department ? Department : null)))
            .ThenRefused(ErrorCodes.ValidationFailed, "employeeId");

    [Fact]
    public void The_same_assignment_again_decides_nothing()
        => Spec.Given(Device.From, Registered, new DeviceAssigned(DeviceId, null, Department))
            .When(d => d.Assign(new AssignDevice(null, Department)))
            .ThenNothing();

    [Fact]
    public void Move_records_both_locations_and_the_same_location_decides_nothing()
    {
        Spec.Given(Device.From, Registered).When(d => d.Move(new MoveDevice(" Hall "))).Then(new DeviceMoved(DeviceId, "Hall", "Copy room"))
            .And(d => d.Location.ShouldBe("Hall"));
        Spec.Given(Device.From, Registered).When(d => d.Move(new MoveDevice("Copy room"))).ThenNothing();
        Spec.Given(Device.From, Registered).When(d => d.Move(new MoveDevice(""))).ThenRefused(ErrorCodes.ValidationFailed, "location");
    }

    [Fact]
    public void Report_fault_opens_a_ticket_the_device_stays_in_service()
        => Spec.Given(Device.From, Registered)
            .When(d => d.ReportFault(new ReportFault("Paper jam", FaultSeverity.High), Spec.As("demo-clerk")))
            .Then(new DeviceFaultReported(DeviceId, Spec.Id(1), "Paper jam", FaultSeverity.High, "demo-clerk", Spec.Now))
            .And(d =>
            {
                d.Status.ShouldBe(DeviceStatus.InService);
                d.OpenTickets.ShouldBe(1);
                d.DownPeriods.ShouldBe([new DownPeriod(Spec.Now, null)]);
            });

    [Fact]
    public void Report_fault_needs_a_symptom_and_a_known_severity()
    {
        Spec.Given(Device.From, Registered).When(d => d.ReportFault(new ReportFault(" ", FaultSeverity.High), Spec.As("x")))
            .ThenRefused(ErrorCodes.ValidationFailed, "symptom");
        Spec.Given(Device.From, Registered).When(d => d.ReportFault(new ReportFault("Jam", (FaultSeverity)9), Spec.As("x")))
            .ThenRefused(ErrorCodes.ValidationFailed, "severity");
    }

    [Fact]
    public void Troubleshooting_fixed_resolves_the_ticket()
        => Spec.Given(Device.From, Registered, Reported)
            .When(d => d.RecordTroubleshooting(new RecordTroubleshooting(Ticket, "Removed the sheet", TroubleshootingOutcome.Fixed), Spec.As("it")))
            .Then(new TroubleshootingRecorded(DeviceId, Ticket, "Removed the sheet", TroubleshootingOutcome.Fixed, "it", Spec.Now),
                new FaultTicketResolved(DeviceId, Ticket, Device.FixedByTroubleshooting, "it", Spec.Now))
            .And(d =>
            {
                d.Ticket(Ticket)!.Status.ShouldBe(TicketStatus.Resolved);
                d.Ticket(Ticket)!.TroubleshootingSteps.ShouldBe(1);
                d.OpenTickets.ShouldBe(0);
                d.DownPeriods.ShouldBe([new DownPeriod(Reported.ReportedAt, Spec.Now)]);
            });

    [Fact]
    public void Troubleshooting_not_fixed_leaves_the_ticket_open()
        => Spec.Given(Device.From, Registered, Reported)
            .When(d => d.RecordTroubleshooting(new RecordTroubleshooting(Ticket, "Power cycled", TroubleshootingOutcome.NotFixed), Spec.As("it")))
            .Then(new TroubleshootingRecorded(DeviceId, Ticket, "Power cycled", TroubleshootingOutcome.NotFixed, "it", Spec.Now))
            .And(d => d.Ticket(Ticket)!.Status.ShouldBe(TicketStatus.Open));

    [Fact]
    public void Troubleshooting_needs_steps()
        => Spec.Given(Device.From, Registered, Reported)
            .When(d => d.RecordTroubleshooting(new RecordTroubleshooting(Ticket, "", TroubleshootingOutcome.NotFixed), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "steps");

    [Fact]
    public void Escalating_to_an_external_repair_puts_the_device_under_repair()
        => Spec.Given(Device.From, Registered, Reported)
            .When(d => d.EscalateToRepair(new EscalateToRepair(Ticket, RepairTechnician.External, "Copy Service", 249.90m, Spec.Now.AddDays(2)), Spec.As("it")))
            .Then(new FaultEscalatedToRepair(DeviceId, Ticket, RepairTechnician.External, "Copy Service", 249.90m, Spec.Now.AddDays(2), "it", Spec.Now))
            .And(d =>
            {
                d.Status.ShouldBe(DeviceStatus.UnderRepair);
                d.Ticket(Ticket)!.Status.ShouldBe(TicketStatus.UnderRepair);
                d.Reliability.RepairCost.ShouldBe(249.90m);
            });

    [Fact]
    public void An_external_repair_needs_a_vendor()
        => Spec.Given(Device.From, Registered, Reported)
            .When(d => d.EscalateToRepair(new EscalateToRepair(Ticket, RepairTechnician.External), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "vendor");

    [Theory]
    [InlineData("10.005")]
    [InlineData("-1")]
    [InlineData("1000000000")]
    public void A_repair_cost_is_money(string cost)
        => Spec.Given(Device.From, Registered, Reported)
            .When(d => d.EscalateToRepair(new EscalateToRepair(Ticket, RepairTechnician.InHouse, Cost: decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture)), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "cost");

    [Fact]
    public void Resolving_the_repaired_ticket_puts_the_device_back_in_service()
        => Spec.Given(Device.From, Registered, Reported, Escalated)
            .When(d => d.Resolve(new ResolveFaultTicket(Ticket, "Fuser replaced"), Spec.As("it")))
            .Then(new FaultTicketResolved(DeviceId, Ticket, "Fuser replaced", "it", Spec.Now))
            .And(d =>
            {
                d.Status.ShouldBe(DeviceStatus.InService);
                d.Ticket(Ticket)!.Resolution.ShouldBe("Fuser replaced");
                d.Ticket(Ticket)!.ResolvedAt.ShouldBe(Spec.Now);
            });

    [Fact]
    public void Resolve_needs_a_resolution_and_a_known_ticket()
    {
        Spec.Given(Device.From, Registered, Reported).When(d => d.Resolve(new ResolveFaultTicket(Ticket, " "), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "resolution");
        Spec.Given(Device.From, Registered, Reported).When(d => d.Resolve(new ResolveFaultTicket(Ticket2, "x"), Spec.As("it")))
            .ThenRefused(ErrorCodes.NotFound);
    }

    [Fact]
    public void Several_tickets_the_device_stays_down_until_the_last_is_resolved_and_under_repair_while_one_repair_is_under_way()
    {
        var second = new DeviceFaultReported(DeviceId, Ticket2, "Noise", FaultSeverity.Low, "demo-hr", Spec.Now.AddHours(-3));
        Spec.Given(Device.From, Registered, Reported, Escalated, second)
            .When(d => d.Resolve(new ResolveFaultTicket(Ticket2, "Tightened a panel"), Spec.As("it")))
            .Then(new FaultTicketResolved(DeviceId, Ticket2, "Tightened a panel", "it", Spec.Now))
            .And(d =>
            {
                d.Status.ShouldBe(DeviceStatus.UnderRepair);
                d.OpenTickets.ShouldBe(1);
                d.DownPeriods.ShouldBe([new DownPeriod(Reported.ReportedAt, null)]);
            });
        Spec.Given(Device.From, Registered, Reported, Escalated, second, new FaultTicketResolved(DeviceId, Ticket2, "x", "it", Spec.Now.AddHours(-2)))
            .When(d => d.Resolve(new ResolveFaultTicket(Ticket, "Fixed"), Spec.As("it")))
            .Then(new FaultTicketResolved(DeviceId, Ticket, "Fixed", "it", Spec.Now))
            .And(d =>
            {
                d.Status.ShouldBe(DeviceStatus.InService);
                d.DownPeriods.ShouldBe([new DownPeriod(Reported.ReportedAt, Spec.Now)]);
                d.Reliability.Failures.ShouldBe(1);
                d.Reliability.Downtime.ShouldBe(TimeSpan.FromHours(5));
            });
    }

    [Fact]
    public void Retire_is_refused_while_a_ticket_is_open_and_allowed_once_resolved()
    {
        Spec.Given(Device.From, Registered, Reported).When(d => d.Retire(new RetireDevice("Old"), Spec.As("it")))
            .ThenRefused(ErrorCodes.DeviceHasOpenTickets);
        Spec.Given(Device.From, Registered, Reported, ResolvedEarlier, new MaintenanceScheduled(DeviceId, 90, Today.AddDays(90)))
            .When(d => d.Retire(new RetireDevice(" Old "), Spec.As("it")))
            .Then(new DeviceRetired(DeviceId, "Old", Spec.Now))
            .And(d =>
            {
                d.Status.ShouldBe(DeviceStatus.Retired);
                d.NextMaintenanceDue.ShouldBeNull();
                d.MaintenanceOn(Today).ShouldBe(MaintenanceStatus.NotScheduled);
            });
        Spec.Given(Device.From, Registered).When(d => d.Retire(new RetireDevice(""), Spec.As("it"))).ThenRefused(ErrorCodes.ValidationFailed, "reason");
    }

    [Fact]
    public void Scheduling_maintenance_counts_from_today_without_a_maintenance_and_from_the_last_one_otherwise()
    {
        Spec.Given(Device.From, Registered).When(d => d.ScheduleMaintenance(new ScheduleMaintenance(90), Spec.As("it")))
            .Then(new MaintenanceScheduled(DeviceId, 90, Today.AddDays(90)))
            .And(d => d.NextMaintenanceDue.ShouldBe(Today.AddDays(90)));
        Spec.Given(Device.From, Registered, new MaintenancePerformed(DeviceId, Today.AddDays(-10), null, null))
            .When(d => d.ScheduleMaintenance(new ScheduleMaintenance(30), Spec.As("it")))
            .Then(new MaintenanceScheduled(DeviceId, 30, Today.AddDays(20)));
        Spec.Given(Device.From, Registered, new MaintenanceScheduled(DeviceId, 30, Today.AddDays(30)))
            .When(d => d.ScheduleMaintenance(new ScheduleMaintenance(30), Spec.As("it"))).ThenNothing();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void A_schedule_needs_a_sensible_interval(int days)
        => Spec.Given(Device.From, Registered).When(d => d.ScheduleMaintenance(new ScheduleMaintenance(days), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "everyDays");

    [Fact]
    public void Maintenance_performed_moves_the_next_due_day_but_a_late_record_never_moves_it_back()
    {
        var scheduled = new MaintenanceScheduled(DeviceId, 90, Today.AddDays(-5));
        Spec.Given(Device.From, Registered, scheduled)
            .When(d => d.RecordMaintenance(new RecordMaintenance(Today, " Cleaned "), Spec.As("it")))
            .Then(new MaintenancePerformed(DeviceId, Today, "Cleaned", Today.AddDays(90)))
            .And(d =>
            {
                d.LastMaintainedOn.ShouldBe(Today);
                d.MaintenanceOn(Today).ShouldBe(MaintenanceStatus.Ok);
            });
        Spec.Given(Device.From, Registered, scheduled, new MaintenancePerformed(DeviceId, Today, null, Today.AddDays(90)))
            .When(d => d.RecordMaintenance(new RecordMaintenance(Today.AddDays(-30)), Spec.As("it")))
            .Then(new MaintenancePerformed(DeviceId, Today.AddDays(-30), null, Today.AddDays(90)))
            .And(d => d.LastMaintainedOn.ShouldBe(Today));
    }

    [Fact]
    public void Maintenance_without_a_schedule_is_recorded_with_no_due_day_and_never_in_the_future()
    {
        Spec.Given(Device.From, Registered).When(d => d.RecordMaintenance(new RecordMaintenance(Today), Spec.As("it")))
            .Then(new MaintenancePerformed(DeviceId, Today, null, null));
        Spec.Given(Device.From, Registered).When(d => d.RecordMaintenance(new RecordMaintenance(Today.AddDays(1)), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "performedOn");
    }

    [Theory]
    [InlineData(null, MaintenanceStatus.NotScheduled)]
    [InlineData(-1, MaintenanceStatus.Overdue)]
    [InlineData(0, MaintenanceStatus.Due)]
    [InlineData(14, MaintenanceStatus.Due)]
    [InlineData(15, MaintenanceStatus.Ok)]
    public void Maintenance_status_on_a_day(int? dueInDays, MaintenanceStatus expected)
        => MaintenanceDue.StatusOf(dueInDays is { } n ? Today.AddDays(n) : null, Today).ShouldBe(expected);

    [Fact]
    public void Consumables_are_set_without_duplicates_and_the_same_list_decides_nothing()
    {
        Spec.Given(Device.From, Registered).When(d => d.SetConsumables(new SetConsumables([Toner, Toner, Spec.Id(701)])))
            .Then(new DeviceConsumablesSet(DeviceId, [Toner, Spec.Id(701)]));
        Spec.Given(Device.From, Registered, new DeviceConsumablesSet(DeviceId, [Toner])).When(d => d.SetConsumables(new SetConsumables([Toner]))).ThenNothing();
        Spec.Given(Device.From, Registered).When(d => d.SetConsumables(new SetConsumables([Guid.Empty])))
            .ThenRefused(ErrorCodes.ValidationFailed, "supplyItemIds");
        Spec.Given(Device.From, Registered).When(d => d.SetConsumables(new SetConsumables([.. Enumerable.Range(1, 51).Select(Spec.Id)])))
            .ThenRefused(ErrorCodes.ValidationFailed, "supplyItemIds");
    }

    [Fact]
    public void Replace_needs_a_positive_quantity()
        => Spec.Given(Device.From, Registered, new DeviceConsumablesSet(DeviceId, [Toner]))
            .When(d => d.ReplaceConsumable(new ReplaceConsumable(Toner, 0), Spec.As("it")))
            .ThenRefused(ErrorCodes.ValidationFailed, "quantity");

    // The consumables workflow's decision.

    private static readonly ConsumableReplacementRequested Requested = new(DeviceId, Spec.Id(900), Toner, 2, "it", Spec.Now);

    private static Device Replacing(params object[] more)
        => Device.From([Registered, new DeviceAssigned(DeviceId, null, Department), new DeviceConsumablesSet(DeviceId, [Toner]), Requested, .. more])!;

    private static SupplyItem TonerWith(int onHand) => SupplyItem.From([
        new SupplyItemRegistered(Toner, "TON-1", "Toner", "each", "toner", "B2", 0, 5, null),
        new StockReceived(Toner, onHand, null, null)])!;

    [Fact]
    public void The_workflow_issues_the_stock_to_the_assignee_with_a_purpose_naming_the_device()
    {
        var decision = ConsumableIssue.Decide(Replacing(), Requested.ReplacementId, TonerWith(5), Spec.As("workflow:consumables"));
        decision.DeviceEvents.ShouldBe([new ConsumableStockIssued(DeviceId, Requested.ReplacementId, Toner, 2)]);
        var issued = decision.SupplyItemEvents.OfType<StockIssued>().ShouldHaveSingleItem();
        issued.ShouldBe(new StockIssued(Toner, 2, Department, null, "Consumable replaced on device CP-1 (" + DeviceId + ")", Today));
        Device.Evolve(Replacing(), decision.DeviceEvents[0])!.Replacements.Single().Status.ShouldBe(ReplacementStatus.Issued);
    }

    [Fact]
    public void The_workflow_records_a_refusal_for_lack_of_stock_and_issues_nothing()
    {
        var decision = ConsumableIssue.Decide(Replacing(), Requested.ReplacementId, TonerWith(1), Spec.As("workflow:consumables"));
        decision.SupplyItemEvents.ShouldBeEmpty();
        var refused = decision.DeviceEvents.OfType<ConsumableReplacementRefused>().ShouldHaveSingleItem();
        refused.Code.ShouldBe(ErrorCodes.InsufficientStock);
        var after = Device.Evolve(Replacing(), refused)!.Replacements.Single();
        after.Status.ShouldBe(ReplacementStatus.Refused);
        after.RefusalCode.ShouldBe(ErrorCodes.InsufficientStock);
    }

    [Fact]
    public void The_workflow_decides_nothing_for_a_replacement_already_decided()
    {
        var again = ConsumableIssue.Decide(Replacing(new ConsumableStockIssued(DeviceId, Requested.ReplacementId, Toner, 2)), Requested.ReplacementId, TonerWith(5), Spec.As("w"));
        again.DeviceEvents.ShouldBeEmpty();
        again.SupplyItemEvents.ShouldBeEmpty();
        ConsumableIssue.Decide(Replacing(new ConsumableReplacementRefused(DeviceId, Requested.ReplacementId, Toner, 2, "insufficient-stock", "x")),
            Requested.ReplacementId, TonerWith(5), Spec.As("w")).DeviceEvents.ShouldBeEmpty();
    }

    [Fact]
    public void The_workflow_refuses_for_a_missing_supply_item_or_a_retired_device_and_fails_for_an_unknown_replacement()
    {
        ConsumableIssue.Decide(Replacing(), Requested.ReplacementId, null, Spec.As("w")).DeviceEvents.OfType<ConsumableReplacementRefused>()
            .ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.NotFound);
        ConsumableIssue.Decide(Replacing(new DeviceRetired(DeviceId, "old", Spec.Now)), Requested.ReplacementId, TonerWith(5), Spec.As("w"))
            .DeviceEvents.OfType<ConsumableReplacementRefused>().ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.DeviceRetired);
        Should.Throw<DomainException>(() => ConsumableIssue.Decide(Replacing(), Spec.Id(999), TonerWith(5), Spec.As("w"))).Code.ShouldBe(ErrorCodes.NotFound);
    }

    // Reliability: the ADR 14 definitions, computed by hand.

    [Fact]
    public void Downtime_MTTR_and_MTBF_of_two_failures()
    {
        var t0 = Registration;
        var device = Device.From([
            Registered,
            new DeviceFaultReported(DeviceId, Ticket, "Jam", FaultSeverity.Low, "u", t0.AddHours(100)),
            new FaultTicketResolved(DeviceId, Ticket, "Fixed", "it", t0.AddHours(102)),
            new DeviceFaultReported(DeviceId, Ticket2, "Smear", FaultSeverity.High, "u", t0.AddHours(302)),
            new FaultEscalatedToRepair(DeviceId, Ticket2, RepairTechnician.External, "V", 99.99m, null, "it", t0.AddHours(303)),
            new FaultTicketResolved(DeviceId, Ticket2, "Drum replaced", "it", t0.AddHours(312)),
        ])!;
        var r = device.Reliability;
        r.Failures.ShouldBe(2);
        r.RepairedFailures.ShouldBe(2);
        r.DowntimeHours.ShouldBe(12m);        // 2 h + 10 h
        r.MttrHours.ShouldBe(6m);             // 12 h / 2
        r.MtbfHours.ShouldBe(150m);           // (100 h + 200 h) / 2
        r.RepairCost.ShouldBe(99.99m);
        Reliability.Sum([r, r]).MttrHours.ShouldBe(6m);
        Reliability.Sum([r, Reliability.None]).ShouldBe(r);
    }

    [Fact]
    public void An_open_failure_counts_for_MTBF_but_not_yet_for_downtime()
    {
        var device = Device.From([Registered, new DeviceFaultReported(DeviceId, Ticket, "Jam", FaultSeverity.Low, "u", Registration.AddHours(10))])!;
        device.Reliability.Failures.ShouldBe(1);
        device.Reliability.MtbfHours.ShouldBe(10m);
        device.Reliability.MttrHours.ShouldBeNull();
        device.Reliability.DowntimeHours.ShouldBe(0m);
    }
}
