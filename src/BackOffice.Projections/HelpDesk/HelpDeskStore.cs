using BackOffice.Domain.HelpDesk;
using JasperFx.Events.Projections;
using Marten;

namespace BackOffice.Projections.HelpDesk;

/// <summary>Help desk in the store: events, the support-request and settings snapshots, the async dashboard lines.</summary>
internal static class HelpDeskStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots and read models.</summary>
    internal static StoreOptions AddHelpDesk(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<SupportRequestOpened>("support_request_opened_v1");
        events.MapEventType<SupportRequestAssigned>("support_request_assigned_v1");
        events.MapEventType<SupportRequestCommented>("support_request_commented_v1");
        events.MapEventType<SupportRequestResolved>("support_request_resolved_v1");
        events.MapEventType<SupportRequestConfirmed>("support_request_confirmed_v1");
        events.MapEventType<SupportRequestReopened>("support_request_reopened_v1");
        events.MapEventType<SupportRequestClosed>("support_request_closed_v1");
        events.MapEventType<ServiceLevelBreached>("service_level_breached_v1");
        events.MapEventType<SupportRequestEscalated>("support_request_escalated_v1");
        events.MapEventType<SupportRequestEscalationRefused>("support_request_escalation_refused_v1");
        events.MapEventType<HelpDeskSettingsChanged>("help_desk_settings_changed_v1");

        options.Projections.Add(new SupportRequestProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SupportRequest>().MultiTenanted().Duplicate(x => x.Requester);
        options.Projections.Add(new HelpDeskSettingsProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<HelpDeskSettings>().MultiTenanted();
        options.Projections.Add(new HelpDeskLineProjection(), ProjectionLifecycle.Async);
        options.Schema.For<HelpDeskLine>().MultiTenanted();
        return options;
    }
}
