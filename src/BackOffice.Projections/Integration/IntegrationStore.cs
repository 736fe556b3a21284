using BackOffice.Domain.Integration;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace BackOffice.Projections.Integration;

/// <summary>
/// The webhook subscription's snapshot, kept inline so that a command loads the current state in one read and the
/// delivery worker sees a registration as soon as it commits. Evolution is the domain's own <see cref="Webhook.Evolve"/>.
/// </summary>
public sealed class WebhookProjection() : Snapshot<Webhook, IIntegrationEvent>(Webhook.Evolve);

/// <summary>Integration in the store: the webhook subscriptions' events and snapshot.</summary>
internal static class IntegrationStore
{
    /// <summary>Maps the context's events to their stored names (never change one) and registers the snapshot.</summary>
    internal static StoreOptions AddIntegration(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<WebhookRegistered>("webhook_registered_v1");
        events.MapEventType<WebhookSuspended>("webhook_suspended_v1");
        events.MapEventType<WebhookResumed>("webhook_resumed_v1");
        events.MapEventType<WebhookDeleted>("webhook_deleted_v1");
        options.Projections.Add(new WebhookProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Webhook>().MultiTenanted();
        return options;
    }
}
