using BackOffice.Domain.Equipment;
using BackOffice.Domain.FrontDesk;
using BackOffice.Domain.HelpDesk;
using BackOffice.Domain.Intranet;
using BackOffice.Domain.Integration;
using BackOffice.Domain.Inventory;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.People;
using BackOffice.Domain.PersonalData;
using BackOffice.Domain.Recruiting;
using Npgsql;

namespace BackOffice.Projections.Tests.Embedding;

/// <summary>
/// Stored event type names are a contract with every history already written (ours and embedders'): this test fails
/// if one changes, disappears, or if an event of the domain is stored under no stable name. A new shape gets a new
/// name (<c>_v2</c>) and the old name stays, read through an upcaster (a line in <see cref="Upcast"/>).
/// A new context adds its block and one line in <see cref="Expected"/>.
/// </summary>
[Collection(StoreCollection.Name)]
public class EventAliasTests(StoreFixture fixture)
{
    private static readonly (Type Event, string Alias)[] Inventory =
    [
        (typeof(SupplyItemRegistered), "supply_item_registered_v1"),
        (typeof(StockReceived), "stock_received_v2"),
        (typeof(StockIssued), "stock_issued_v1"),
        (typeof(StockCounted), "stock_counted_v1"),
        (typeof(ReorderThresholdsChanged), "reorder_thresholds_changed_v1"),
        (typeof(SupplyItemDiscontinued), "supply_item_discontinued_v1"),
        (typeof(ReorderRaised), "reorder_raised_v1"),
        (typeof(ReorderApproved), "reorder_approved_v1"),
        (typeof(ReorderPlaced), "reorder_placed_v1"),
        (typeof(ReorderCancelled), "reorder_cancelled_v1"),
    ];

    private static readonly (Type Event, string Alias)[] Recruiting =
    [
        (typeof(JobOpeningOpened), "job_opening_opened_v1"),
        (typeof(JobPositionFilled), "job_position_filled_v1"),
        (typeof(JobOpeningClosed), "job_opening_closed_v1"),
        (typeof(CandidateApplied), "candidate_applied_v1"),
        (typeof(CandidateScreened), "candidate_screened_v1"),
        (typeof(CandidateShortlisted), "candidate_shortlisted_v1"),
        (typeof(InterviewScheduled), "interview_scheduled_v1"),
        (typeof(InterviewRescheduled), "interview_rescheduled_v1"),
        (typeof(InterviewCancelled), "interview_cancelled_v1"),
        (typeof(InterviewFeedbackRecorded), "interview_feedback_recorded_v1"),
        (typeof(OfferExtended), "offer_extended_v1"),
        (typeof(OfferAccepted), "offer_accepted_v1"),
        (typeof(OfferDeclined), "offer_declined_v1"),
        (typeof(CandidateRejected), "candidate_rejected_v1"),
        (typeof(CandidateWithdrawn), "candidate_withdrawn_v1"),
        (typeof(CandidateHired), "candidate_hired_v1"),
    ];

    private static readonly (Type Event, string Alias)[] People =
    [
        (typeof(DepartmentCreated), "department_created_v1"),
        (typeof(DepartmentReparented), "department_reparented_v1"),
        (typeof(DepartmentManagerChanged), "department_manager_changed_v1"),
        (typeof(EmployeeHired), "employee_hired_v1"),
        (typeof(EmploymentContractChanged), "employment_contract_changed_v1"),
        (typeof(EmployeeTransferred), "employee_transferred_v1"),
        (typeof(EmployeePositionChanged), "employee_position_changed_v1"),
        (typeof(EmployeeUserLinked), "employee_user_linked_v1"),
        (typeof(TrainingAssigned), "training_assigned_v1"),
        (typeof(TrainingCompleted), "training_completed_v1"),
        (typeof(DisciplinaryActionRecorded), "disciplinary_action_recorded_v1"),
        (typeof(EmployeeTerminated), "employee_terminated_v1"),
        (typeof(EmployeeRehired), "employee_rehired_v1"),
    ];

    private static readonly (Type Event, string Alias)[] Ledger =
    [
        (typeof(AccountOpened), "account_opened_v1"),
        (typeof(AccountFrozen), "account_frozen_v1"),
        (typeof(AccountUnfrozen), "account_unfrozen_v1"),
        (typeof(AccountClosed), "account_closed_v1"),
        (typeof(JournalEntryAwaitingApproval), "journal_entry_awaiting_approval_v1"),
        (typeof(JournalEntryApproved), "journal_entry_approved_v1"),
        (typeof(JournalEntryPosted), "journal_entry_posted_v1"),
        (typeof(JournalEntryReversed), "journal_entry_reversed_v1"),
        (typeof(LedgerSettingsChanged), "ledger_settings_changed_v1"),
        (typeof(JournalAdded), "journal_added_v1"),
        (typeof(PeriodClosed), "period_closed_v1"),
    ];

    private static readonly (Type Event, string Alias)[] Equipment =
    [
        (typeof(DeviceRegistered), "device_registered_v1"),
        (typeof(DeviceAssigned), "device_assigned_v1"),
        (typeof(DeviceMoved), "device_moved_v1"),
        (typeof(DeviceFaultReported), "device_fault_reported_v1"),
        (typeof(TroubleshootingRecorded), "troubleshooting_recorded_v1"),
        (typeof(FaultEscalatedToRepair), "fault_escalated_to_repair_v1"),
        (typeof(FaultTicketResolved), "fault_ticket_resolved_v1"),
        (typeof(MaintenanceScheduled), "maintenance_scheduled_v1"),
        (typeof(MaintenancePerformed), "maintenance_performed_v1"),
        (typeof(DeviceConsumablesSet), "device_consumables_set_v1"),
        (typeof(ConsumableReplacementRequested), "consumable_replacement_requested_v1"),
        (typeof(ConsumableStockIssued), "consumable_stock_issued_v1"),
        (typeof(ConsumableReplacementRefused), "consumable_replacement_refused_v1"),
        (typeof(DeviceRetired), "device_retired_v1"),
        (typeof(FaultTicketLinkedToSupportRequest), "fault_ticket_linked_to_support_request_v1"),
    ];

    private static readonly (Type Event, string Alias)[] FrontDesk =
    [
        (typeof(CorrespondenceRegistered), "correspondence_registered_v1"),
        (typeof(CorrespondenceRouted), "correspondence_routed_v1"),
        (typeof(CorrespondenceAcknowledged), "correspondence_acknowledged_v1"),
        (typeof(CorrespondenceAnswered), "correspondence_answered_v1"),
        (typeof(CorrespondenceClosed), "correspondence_closed_v1"),
    ];

    private static readonly (Type Event, string Alias)[] HelpDesk =
    [
        (typeof(SupportRequestOpened), "support_request_opened_v1"),
        (typeof(SupportRequestAssigned), "support_request_assigned_v1"),
        (typeof(SupportRequestCommented), "support_request_commented_v1"),
        (typeof(SupportRequestResolved), "support_request_resolved_v1"),
        (typeof(SupportRequestConfirmed), "support_request_confirmed_v1"),
        (typeof(SupportRequestReopened), "support_request_reopened_v1"),
        (typeof(SupportRequestClosed), "support_request_closed_v1"),
        (typeof(ServiceLevelBreached), "service_level_breached_v1"),
        (typeof(HelpDeskSettingsChanged), "help_desk_settings_changed_v1"),
        (typeof(SupportRequestEscalated), "support_request_escalated_v1"),
        (typeof(SupportRequestEscalationRefused), "support_request_escalation_refused_v1"),
    ];

    private static readonly (Type Event, string Alias)[] Intranet =
    [
        (typeof(NoticePublished), "notice_published_v1"),
        (typeof(NoticeRevised), "notice_revised_v1"),
        (typeof(NoticeWithdrawn), "notice_withdrawn_v1"),
        (typeof(NoticeAcknowledged), "notice_acknowledged_v1"),
        (typeof(InboxItemRead), "inbox_item_read_v1"),
    ];

    private static readonly (Type Event, string Alias)[] Integration =
    [
        (typeof(WebhookRegistered), "webhook_registered_v1"),
        (typeof(WebhookSuspended), "webhook_suspended_v1"),
        (typeof(WebhookResumed), "webhook_resumed_v1"),
        (typeof(WebhookDeleted), "webhook_deleted_v1"),
    ];

    private static readonly (Type Event, string Alias)[] PersonalData =
    [
        (typeof(PersonalDataErased), "personal_data_erased_v1"),
    ];

    /// <summary>Older names still read, each into the current type through an upcaster (never written any more).</summary>
    private static readonly (Type Event, string Alias)[] Upcast =
    [
        (typeof(StockReceived), "stock_received_v1"),
    ];

    /// <summary>Every stored name of every context (one line per context).</summary>
    private static readonly (Type Event, string Alias)[] Expected =
    [
        .. Inventory,
        .. Recruiting,
        .. People,
        .. Ledger,
        .. Equipment,
        .. FrontDesk,
        .. HelpDesk,
        .. Intranet,
        .. Integration,
        .. PersonalData,
    ];

    [Fact]
    public void Every_stored_event_name_is_the_expected_one()
    {
        var graph = (Marten.Events.EventGraph)fixture.Store.Options.Events;
        var configured = Expected.Select(e => e.Event).Distinct()
            .Select(t => $"{t.Name} = {graph.EventMappingFor(t).EventTypeName}")
            .Order(StringComparer.Ordinal).ToList();
        var expected = Expected.Select(e => $"{e.Event.Name} = {e.Alias}").Order(StringComparer.Ordinal).ToList();
        configured.ShouldBe(expected);
    }

    public static TheoryData<string, string> UpcastNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, alias) in Upcast) data.Add(alias, type.AssemblyQualifiedName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(UpcastNames))]
    public async Task An_older_stored_name_is_still_read_into_the_current_type(string alias, string typeName)
    {
        // A raw row under the old name, as the old version wrote it (empty payload: only the name is under test).
        var id = Guid.CreateVersion7();
        var tenant = "alias-" + id.ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")))
        {
            await connection.OpenAsync();
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new("insert into projection_tests.mt_streams (id, tenant_id, version, timestamp, created) values ($1, $2, 1, now(), now())")
                    { Parameters = { new() { Value = id }, new() { Value = tenant } } },
                    new("""
                        insert into projection_tests.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id)
                        values (nextval('projection_tests.mt_events_sequence'), $1, $2, 1, '{}'::jsonb, $3, now(), $4)
                        """)
                    { Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = id }, new() { Value = alias }, new() { Value = tenant } } },
                },
            };
            await batch.ExecuteNonQueryAsync();
        }
        await using var query = fixture.Store.QuerySession(tenant);
        var stored = (await query.Events.FetchStreamAsync(id)).ShouldHaveSingleItem();
        stored.EventTypeName.ShouldBe(alias);
        stored.Data.GetType().AssemblyQualifiedName.ShouldBe(typeName);
    }

    [Fact]
    public void Every_event_of_the_domain_has_a_stored_name()
    {
        // The domain's events are the classes implementing a context marker (IInventoryEvent, ICandidateEvent…).
        var markers = typeof(StockReceived).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Event", StringComparison.Ordinal));
        var events = typeof(StockReceived).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && markers.Any(m => m.IsAssignableFrom(t)))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        events.ShouldNotBeEmpty();
        events.Except(Expected.Select(e => e.Event.Name)).ShouldBeEmpty("events without a stored name in this test");
    }
}
