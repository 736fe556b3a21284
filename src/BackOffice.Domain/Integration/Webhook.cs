namespace BackOffice.Domain.Integration;

/// <summary>Whether a subscription's deliveries run.</summary>
public enum WebhookStatus
{
    /// <summary>Deliveries run.</summary>
    Active,
    /// <summary>Deliveries failed for too long; nothing is delivered until resumed.</summary>
    Suspended,
}

/// <summary>
/// A webhook subscription: where the change-feed items of some event types are delivered, and whether deliveries run.
/// An immutable state built by <see cref="Evolve"/>; its decisions (<see cref="Suspend"/>, <see cref="Resume"/>,
/// <see cref="Delete"/>) return the events a command causes or throw a <see cref="DomainException"/>. A deleted
/// subscription is unknown to every command (<c>not-found</c>).
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Url">The target.</param>
/// <param name="EventTypes">The stored event names delivered.</param>
/// <param name="Status">Active or suspended.</param>
/// <param name="SuspendedReason">Why it was suspended (while suspended).</param>
/// <param name="SuspendedAt">When it was suspended (while suspended).</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="Deleted">Deleted: nothing more is delivered, every command answers not-found.</param>
public sealed partial record Webhook(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, WebhookStatus Status, string? SuspendedReason, DateTimeOffset? SuspendedAt,
    DateTimeOffset RegisteredAt, bool Deleted)
{
    /// <summary>Whether deliveries run: active and not deleted.</summary>
    public bool Delivers => Status == WebhookStatus.Active && !Deleted;

    /// <summary>Whether an event of stored type <paramref name="eventType"/> is delivered to this subscription.</summary>
    public bool Wants(string eventType) => EventTypes.Contains(eventType, StringComparer.Ordinal);

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Webhook? Evolve(Webhook? state, object @event) => (state, @event) switch
    {
        (_, WebhookRegistered e) => new Webhook(e.WebhookId, e.Url, e.EventTypes, WebhookStatus.Active, null, null, e.RegisteredAt, false),
        (null, _) => null,
        (_, WebhookSuspended e) => state with { Status = WebhookStatus.Suspended, SuspendedReason = e.Reason, SuspendedAt = e.SuspendedAt },
        (_, WebhookResumed) => state with { Status = WebhookStatus.Active, SuspendedReason = null, SuspendedAt = null },
        (_, WebhookDeleted) => state with { Deleted = true },
        _ => state,
    };

    /// <summary>Folds a stream's events into its state.</summary>
    public static Webhook? From(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate((Webhook?)null, Evolve);
    }

    private void RequireNotDeleted()
    {
        if (Deleted) throw DomainException.NotFound($"Webhook {Id}");
    }
}
