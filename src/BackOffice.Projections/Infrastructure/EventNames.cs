using BackOffice.Domain.Inventory;
using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;
using BackOffice.Domain.PersonalData;
using Marten;

namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// The stored name of every event type. A stored name is a contract with the history: renaming or moving a C# type
/// never changes it; a new shape of an event gets a new name (<c>_v2</c>) and an upcaster from the old one.
/// </summary>
public static class EventNames
{
    /// <summary>Maps every BackOffice event type to its stored name.</summary>
    public static void Register(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = options.Events;
        events.MapEventType<SupplyItemRegistered>("supply_item_registered_v1");
        events.MapEventType<StockReceived>("stock_received_v1");
        events.MapEventType<StockIssued>("stock_issued_v1");
        events.MapEventType<StockCounted>("stock_counted_v1");
        events.MapEventType<ReorderThresholdsChanged>("reorder_thresholds_changed_v1");
        events.MapEventType<SupplyItemDiscontinued>("supply_item_discontinued_v1");
        events.MapEventType<ReorderRaised>("reorder_raised_v1");
        events.MapEventType<ReorderApproved>("reorder_approved_v1");
        events.MapEventType<ReorderPlaced>("reorder_placed_v1");
        events.MapEventType<ReorderCancelled>("reorder_cancelled_v1");
        events.MapEventType<JobOpeningOpened>("job_opening_opened_v1");
        events.MapEventType<JobPositionFilled>("job_position_filled_v1");
        events.MapEventType<JobOpeningClosed>("job_opening_closed_v1");
        events.MapEventType<CandidateApplied>("candidate_applied_v1");
        events.MapEventType<CandidateScreened>("candidate_screened_v1");
        events.MapEventType<CandidateShortlisted>("candidate_shortlisted_v1");
        events.MapEventType<InterviewScheduled>("interview_scheduled_v1");
        events.MapEventType<InterviewRescheduled>("interview_rescheduled_v1");
        events.MapEventType<InterviewCancelled>("interview_cancelled_v1");
        events.MapEventType<InterviewFeedbackRecorded>("interview_feedback_recorded_v1");
        events.MapEventType<OfferExtended>("offer_extended_v1");
        events.MapEventType<OfferAccepted>("offer_accepted_v1");
        events.MapEventType<OfferDeclined>("offer_declined_v1");
        events.MapEventType<CandidateRejected>("candidate_rejected_v1");
        events.MapEventType<CandidateWithdrawn>("candidate_withdrawn_v1");
        events.MapEventType<CandidateHired>("candidate_hired_v1");
        events.MapEventType<DepartmentCreated>("department_created_v1");
        events.MapEventType<EmployeeHired>("employee_hired_v1");
        events.MapEventType<PersonalDataErased>("personal_data_erased_v1");
    }
}
