namespace BackOffice.Domain.Intranet;

/// <summary>Revises a notice's title or text.</summary>
/// <param name="Title">New title (null: unchanged).</param>
/// <param name="Body">New text (null: unchanged).</param>
/// <param name="Material">A material revision asks every addressee to acknowledge again.</param>
public sealed record ReviseNotice(string? Title, string? Body, bool Material);

public sealed partial record Notice
{
    /// <summary>Decides a revision of a notice that is not withdrawn; it changes at least the title or the text.</summary>
    public IReadOnlyList<INoticeEvent> Revise(ReviseNotice command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var title = command.Title is null ? null : Guard.Text(command.Title, "title", MaxTitleLength);
        var body = command.Body is null ? null : Guard.Text(command.Body, "body", MaxBodyLength);
        if (title is null && body is null) throw DomainException.Invalid("body", "A revision changes the title, the text, or both.");
        RequireNotWithdrawn("revised");
        return [new NoticeRevised(Id, title, body, command.Material, command.Material ? Revision + 1 : Revision, context.User, context.Now)];
    }
}
