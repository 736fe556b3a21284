namespace BackOffice.Domain.Integration;

/// <summary>Marker for the facts of the Integration context (webhook subscriptions). Every event is a versioned public contract.</summary>
public interface IIntegrationEvent
{
    /// <summary>The webhook subscription the fact belongs to (its stream id).</summary>
    Guid WebhookId { get; }
}

/// <summary>
/// An integrator registered a webhook: deliveries of the change-feed items of <paramref name="EventTypes"/> to
/// <paramref name="Url"/>. The signing secret is not part of the fact (it is a credential: kept encrypted apart, ADR 20).
/// </summary>
/// <param name="WebhookId">The new subscription's id.</param>
/// <param name="Url">The target (absolute http or https URL on an allowed host, without credentials).</param>
/// <param name="EventTypes">The stored event names delivered (e.g. <c>stock_issued_v1</c>).</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record WebhookRegistered(Guid WebhookId, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset RegisteredAt) : IIntegrationEvent;

/// <summary>Deliveries kept failing for longer than allowed: the subscription is suspended until resumed.</summary>
/// <param name="WebhookId">The subscription.</param>
/// <param name="Reason">Why (the failing item and the last error; never a secret).</param>
/// <param name="FailingSince">When the first failing attempt of the blocked item happened.</param>
/// <param name="SuspendedAt">When it was suspended.</param>
public sealed record WebhookSuspended(Guid WebhookId, string Reason, DateTimeOffset FailingSince, DateTimeOffset SuspendedAt) : IIntegrationEvent;

/// <summary>An integrator resumed a suspended subscription: the blocked item is tried again at once.</summary>
/// <param name="WebhookId">The subscription.</param>
/// <param name="ResumedAt">When.</param>
public sealed record WebhookResumed(Guid WebhookId, DateTimeOffset ResumedAt) : IIntegrationEvent;

/// <summary>An integrator deleted the subscription: nothing more is delivered.</summary>
/// <param name="WebhookId">The subscription.</param>
/// <param name="DeletedAt">When.</param>
public sealed record WebhookDeleted(Guid WebhookId, DateTimeOffset DeletedAt) : IIntegrationEvent;
