namespace BackOffice.Domain.Integration;

public sealed partial record Webhook
{
    /// <summary>Decides a resumption: only a suspended subscription (409 <c>webhook-not-suspended</c>).</summary>
    public IReadOnlyList<IIntegrationEvent> Resume(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireNotDeleted();
        if (Status != WebhookStatus.Suspended)
            throw new DomainException(ErrorCodes.WebhookNotSuspended, $"Webhook {Id} is not suspended: its deliveries already run.");
        return [new WebhookResumed(Id, context.Now)];
    }
}
