namespace BackOffice.Domain.HelpDesk;

/// <summary>Adds a comment; support may put the request waiting on its requester (which stops the clock).</summary>
/// <param name="Text">The comment (personal data: validated here, stored in the personal-data store; 1–10,000).</param>
/// <param name="WaitingOnRequester">Whether the request now waits for the requester's answer.</param>
public sealed record CommentOnSupportRequest(string Text, bool WaitingOnRequester = false);

public sealed partial record SupportRequest
{
    /// <summary>
    /// Decides a comment by the requester or by support (<paramref name="actingAsSupport"/>); anyone else is refused
    /// with <see cref="ErrorCodes.NotTheRequester"/>. Only support may put the request waiting on its requester, and
    /// only while it is active; a comment on a waiting request without it starts the clock again. A closed request
    /// takes no comment. The comment's id comes from the context (the key of its text).
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> Comment(CommentOnSupportRequest command, DecisionContext context, bool actingAsSupport)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Guard.Text(command.Text, "text", MaxTextLength);
        if (!actingAsSupport) RequireRequester(context, "comment on");
        if (command.WaitingOnRequester && IsRequester(context.User))
            throw DomainException.Invalid("waitingOnRequester", "The requester cannot put their own request waiting on themselves.");
        if (Status == SupportRequestStatus.Closed)
            throw new DomainException(ErrorCodes.SupportRequestTransitionNotAllowed, "A closed support request takes no comment.");
        if (command.WaitingOnRequester) RequireActive("put waiting on its requester");
        return [new SupportRequestCommented(Id, context.NewId(), context.User, context.Now, command.WaitingOnRequester)];
    }
}
