namespace BackOffice.Domain.HelpDesk;

/// <summary>Reopens a resolved request.</summary>
/// <param name="Reason">Why (personal data: validated here, stored in the personal-data store; 1–10,000).</param>
public sealed record ReopenSupportRequest(string Reason);

public sealed partial record SupportRequest
{
    /// <summary>
    /// Decides the requester's reopening of a resolved request, within its reopen window (after it, or once the
    /// request closed by itself: <see cref="ErrorCodes.ReopenWindowPassed"/>). The clock runs again. The reopening's
    /// id comes from the context (the key of its reason).
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> Reopen(ReopenSupportRequest command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Guard.Text(command.Reason, "reason", MaxTextLength);
        RequireRequester(context, "reopen");
        if (Status == SupportRequestStatus.Resolved && ReopenableUntil is { } until && context.Now <= until)
            return [new SupportRequestReopened(Id, context.NewId(), context.User, context.Now)];
        if (Status == SupportRequestStatus.Resolved || (Status == SupportRequestStatus.Closed && ClosedAutomatically))
            throw new DomainException(ErrorCodes.ReopenWindowPassed,
                $"The request was resolved on {ResolvedAt:O}; it could be reopened until {(ReopenableUntil ?? ClosedAt):O}. Open a new request.");
        throw new DomainException(ErrorCodes.SupportRequestTransitionNotAllowed, $"Only a resolved support request can be reopened; this one is {Status}.");
    }
}
