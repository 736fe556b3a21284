namespace BackOffice.Domain.HelpDesk;

public sealed partial record SupportRequest
{
    /// <summary>Decides the requester's confirmation of a resolved request: it is closed for good.</summary>
    public IReadOnlyList<ISupportRequestEvent> Confirm(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireRequester(context, "confirm");
        if (Status != SupportRequestStatus.Resolved)
            throw new DomainException(ErrorCodes.SupportRequestTransitionNotAllowed, $"Only a resolved support request can be confirmed; this one is {Status}.");
        return [new SupportRequestConfirmed(Id, context.User, context.Now)];
    }
}
