namespace BackOffice.Domain.Intranet;

/// <summary>Marks an item of one's inbox read.</summary>
/// <param name="ItemId">The item (one the user's inbox shows: the caller checks that).</param>
/// <param name="ItemChangedAt">When the item last changed (its <c>at</c>).</param>
public sealed record MarkInboxItemRead(Guid ItemId, DateTimeOffset ItemChangedAt);

public sealed partial record Inbox
{
    /// <summary>
    /// Decides a read mark by the inbox's own user (anyone else: <see cref="ErrorCodes.NotFound"/>, an inbox is never
    /// shown to another user). Marking an item that is read already (since its last change) records nothing.
    /// </summary>
    public IReadOnlyList<IInboxEvent> MarkRead(MarkInboxItemRead command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(context.User, UserName, StringComparison.Ordinal)) throw DomainException.NotFound($"Inbox item {command.ItemId}");
        if (command.ItemId == Guid.Empty) throw DomainException.Invalid("id", "The item id is empty.");
        return IsRead(command.ItemId, command.ItemChangedAt) ? [] : [new InboxItemRead(Id, UserName, command.ItemId, context.Now)];
    }
}
