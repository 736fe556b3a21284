namespace BackOffice.Domain.Integration;

/// <summary>Registers a webhook subscription.</summary>
/// <param name="WebhookId">The id the new subscription gets (made at the edge, Guid v7).</param>
/// <param name="Url">The target: absolute http(s) URL on an allowed host.</param>
/// <param name="EventTypes">Stored event names to deliver (1–100, each known to the store).</param>
/// <param name="AllowedHosts">The deployment's allow-list of target hosts.</param>
/// <param name="KnownEventTypes">Every stored event name the store knows.</param>
public sealed record RegisterWebhook(
    Guid WebhookId, string? Url, IReadOnlyList<string>? EventTypes, IReadOnlyCollection<string> AllowedHosts, IReadOnlySet<string> KnownEventTypes);

public sealed partial record Webhook
{
    /// <summary>Most event types one subscription may name.</summary>
    public const int MaxEventTypes = 100;

    /// <summary>Decides a registration: the target must pass <see cref="WebhookTarget.Check"/>, the types must be known.</summary>
    public static IReadOnlyList<IIntegrationEvent> Register(RegisterWebhook command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var url = WebhookTarget.Check(command.Url, command.AllowedHosts);
        if (command.EventTypes is not { Count: > 0 } types)
            throw DomainException.Invalid("eventTypes", "'eventTypes' must name at least one event type (a stored name such as stock_issued_v1).");
        if (types.Count > MaxEventTypes) throw DomainException.Invalid("eventTypes", $"'eventTypes' may name at most {MaxEventTypes} types.");
        var unknown = types.Where(t => t is null || !command.KnownEventTypes.Contains(t)).ToList();
        if (unknown.Count > 0)
            throw DomainException.Invalid("eventTypes", $"'eventTypes' names unknown event types: {string.Join(", ", unknown.Select(t => t ?? "null"))}.");
        return [new WebhookRegistered(command.WebhookId, url.AbsoluteUri, [.. types.Distinct(StringComparer.Ordinal)], context.Now)];
    }
}
