namespace BackOffice.Domain.Intranet;

/// <summary>Marker for the facts of a notice. Every event is a versioned public contract.</summary>
public interface INoticeEvent
{
    /// <summary>The notice the fact belongs to (its stream id).</summary>
    Guid NoticeId { get; }
}

/// <summary>A notice was published on the intranet.</summary>
/// <param name="NoticeId">The new notice's id.</param>
/// <param name="Title">Title.</param>
/// <param name="Body">Text (company communication, not personal data).</param>
/// <param name="AllStaff">Addressed to every employee.</param>
/// <param name="DepartmentIds">Otherwise, the departments addressed.</param>
/// <param name="RequiresAcknowledgement">Whether each addressee must acknowledge it.</param>
/// <param name="EffectiveOn">First day it applies.</param>
/// <param name="ExpiresOn">Last day it applies, when it expires.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="PublishedAt">When.</param>
public sealed record NoticePublished(
    Guid NoticeId, string Title, string Body, bool AllStaff, IReadOnlyList<Guid> DepartmentIds, bool RequiresAcknowledgement,
    DateOnly EffectiveOn, DateOnly? ExpiresOn, string PublishedBy, DateTimeOffset PublishedAt) : INoticeEvent;

/// <summary>The notice was revised; a material revision starts a new revision that everyone must acknowledge again.</summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="Title">The new title (null: unchanged).</param>
/// <param name="Body">The new text (null: unchanged).</param>
/// <param name="Material">Whether the revision is material.</param>
/// <param name="Revision">The notice's revision after this one (one more than before when material).</param>
/// <param name="RevisedBy">Who revised it.</param>
/// <param name="At">When.</param>
public sealed record NoticeRevised(Guid NoticeId, string? Title, string? Body, bool Material, int Revision, string RevisedBy, DateTimeOffset At) : INoticeEvent;

/// <summary>The notice was withdrawn: it no longer applies and takes no acknowledgement.</summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="Reason">Why.</param>
/// <param name="WithdrawnBy">Who.</param>
/// <param name="At">When.</param>
public sealed record NoticeWithdrawn(Guid NoticeId, string Reason, string WithdrawnBy, DateTimeOffset At) : INoticeEvent;

/// <summary>An addressee acknowledged a revision of the notice.</summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="EmployeeId">The employee who acknowledged (linked to the acting user).</param>
/// <param name="Revision">The revision acknowledged.</param>
/// <param name="UserName">The acting user.</param>
/// <param name="At">When.</param>
public sealed record NoticeAcknowledged(Guid NoticeId, Guid EmployeeId, int Revision, string UserName, DateTimeOffset At) : INoticeEvent;

/// <summary>Marker for the facts of a user's inbox (its read marks). Every event is a versioned public contract.</summary>
public interface IInboxEvent
{
    /// <summary>The inbox the fact belongs to (its stream id, <see cref="Inbox.IdFor"/> of its user).</summary>
    Guid InboxId { get; }
}

/// <summary>A user marked an item of their inbox read (an item changed since counts as unread again).</summary>
/// <param name="InboxId">The user's inbox.</param>
/// <param name="UserName">The user.</param>
/// <param name="ItemId">The inbox item.</param>
/// <param name="At">When it was read.</param>
public sealed record InboxItemRead(Guid InboxId, string UserName, Guid ItemId, DateTimeOffset At) : IInboxEvent;
