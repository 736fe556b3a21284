namespace BackOffice.Domain.HelpDesk;

/// <summary>Resolves the request.</summary>
/// <param name="Resolution">What was done (personal data: validated here, stored in the personal-data store; 1–10,000).</param>
public sealed record ResolveSupportRequest(string Resolution);

public sealed partial record SupportRequest
{
    /// <summary>
    /// Decides a resolution of an active request. The requester may reopen it until the end of its reopen window
    /// (<see cref="ReopenWindow"/> from now); it closes by itself then.
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> Resolve(ResolveSupportRequest command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Guard.Text(command.Resolution, "resolution", MaxTextLength);
        RequireActive("resolved");
        return [new SupportRequestResolved(Id, context.User, context.Now, context.Now + ReopenWindow)];
    }
}
