using BackOffice.Domain.Recruiting;
using JasperFx.Events.Projections;
using Marten;

namespace BackOffice.Projections.Recruiting;

/// <summary>Recruiting in the store: events, the opening and candidate snapshots (no personal value), the async dashboard lines.</summary>
internal static class RecruitingStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddRecruiting(this StoreOptions options)
    {
        var events = options.Events;
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

        options.Projections.Add(new JobOpeningProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<JobOpening>().MultiTenanted();
        options.Projections.Add(new CandidateProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Candidate>().MultiTenanted().Duplicate(x => x.JobOpeningId);
        options.Projections.Add(new RecruitingOpeningLineProjection(), ProjectionLifecycle.Async);
        options.Schema.For<RecruitingOpeningLine>().MultiTenanted();
        options.Projections.Add(new RecruitingCandidateLineProjection(), ProjectionLifecycle.Async);
        options.Schema.For<RecruitingCandidateLine>().MultiTenanted();
        return options;
    }
}
