namespace BackOffice.Domain.Integration;

/// <summary>Suspends a subscription whose deliveries kept failing (decided by the delivery worker, never by a user).</summary>
/// <param name="Reason">Why (≤ 1000 characters; longer is cut).</param>
/// <param name="FailingSince">The first failing attempt of the blocked item.</param>
public sealed record SuspendWebhook(string Reason, DateTimeOffset FailingSince);

public sealed partial record Webhook
{
    /// <summary>Decides a suspension: nothing when already suspended (the worker may race a resume).</summary>
    public IReadOnlyList<IIntegrationEvent> Suspend(SuspendWebhook command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireNotDeleted();
        if (Status == WebhookStatus.Suspended) return [];
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? "Deliveries kept failing." : command.Reason.Trim();
        if (reason.Length > 1000) reason = reason[..1000];
        return [new WebhookSuspended(Id, reason, command.FailingSince, context.Now)];
    }
}
