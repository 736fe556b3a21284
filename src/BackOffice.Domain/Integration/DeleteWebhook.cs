namespace BackOffice.Domain.Integration;

public sealed partial record Webhook
{
    /// <summary>Decides a deletion; a deleted subscription is not found again.</summary>
    public IReadOnlyList<IIntegrationEvent> Delete(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireNotDeleted();
        return [new WebhookDeleted(Id, context.Now)];
    }
}
