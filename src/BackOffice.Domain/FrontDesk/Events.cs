namespace BackOffice.Domain.FrontDesk;

/// <summary>
/// Marker for the facts of a correspondence item. Every event is a versioned public contract. They carry the
/// correspondent's <c>SubjectId</c> and references only: the correspondent's name and contact details, the subject
/// line and a caller's message live in the personal-data store.
/// </summary>
public interface ICorrespondenceEvent
{
    /// <summary>The item the fact belongs to (its stream id).</summary>
    Guid CorrespondenceId { get; }
}

/// <summary>An item was entered in the correspondence register.</summary>
/// <param name="CorrespondenceId">The new item's id.</param>
/// <param name="RegisterNumber">Its register number, <c>YYYY-NNNNNN</c>.</param>
/// <param name="Direction">Inbound or outbound.</param>
/// <param name="Channel">Mail, fax, e-mail, phone or courier.</param>
/// <param name="SubjectId">The correspondent, as known to the personal-data store.</param>
/// <param name="OccurredAt">When it was received (inbound) or sent (outbound).</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="DocumentRef">The document's own reference, when given.</param>
/// <param name="ReplyDueOn">The day a reply is due by (inbound only).</param>
/// <param name="Confidential">Subject and correspondent shown only to the addressee, hr and admin.</param>
/// <param name="InReplyTo">The inbound item an outbound item answers.</param>
/// <param name="CallbackRequested">A caller asked to be called back (phone only).</param>
/// <param name="HasMessage">A caller left a message (phone only; the text is in the personal-data store).</param>
public sealed record CorrespondenceRegistered(
    Guid CorrespondenceId, string RegisterNumber, CorrespondenceDirection Direction, CorrespondenceChannel Channel, Guid SubjectId,
    DateTimeOffset OccurredAt, DateTimeOffset RegisteredAt, string? DocumentRef, DateOnly? ReplyDueOn, bool Confidential,
    Guid? InReplyTo, bool CallbackRequested, bool HasMessage) : ICorrespondenceEvent;

/// <summary>The item was routed (or re-routed) to an employee or a department, who must acknowledge it.</summary>
/// <param name="CorrespondenceId">The item.</param>
/// <param name="EmployeeId">The addressed employee (or null when a department is addressed).</param>
/// <param name="DepartmentId">The addressed department (or null when an employee is addressed).</param>
/// <param name="RoutedBy">The routing user.</param>
/// <param name="RoutedAt">When.</param>
public sealed record CorrespondenceRouted(Guid CorrespondenceId, Guid? EmployeeId, Guid? DepartmentId, string RoutedBy, DateTimeOffset RoutedAt)
    : ICorrespondenceEvent;

/// <summary>The addressee (or a clerk on their behalf) acknowledged the item.</summary>
/// <param name="CorrespondenceId">The item.</param>
/// <param name="AcknowledgedBy">The acknowledging user.</param>
/// <param name="EmployeeId">The acknowledging user's employee, when linked.</param>
/// <param name="AcknowledgedAt">When.</param>
public sealed record CorrespondenceAcknowledged(Guid CorrespondenceId, string AcknowledgedBy, Guid? EmployeeId, DateTimeOffset AcknowledgedAt)
    : ICorrespondenceEvent;

/// <summary>An outbound item answering this inbound item was registered: its reply obligation is met.</summary>
/// <param name="CorrespondenceId">The inbound item.</param>
/// <param name="AnsweredBy">The outbound item that answers it.</param>
/// <param name="RepliedAt">When the answer was sent (the outbound item's occurredAt).</param>
public sealed record CorrespondenceAnswered(Guid CorrespondenceId, Guid AnsweredBy, DateTimeOffset RepliedAt) : ICorrespondenceEvent;

/// <summary>The item was filed.</summary>
/// <param name="CorrespondenceId">The item.</param>
/// <param name="FilingCode">Where it was filed.</param>
/// <param name="ClosedBy">The filing user.</param>
/// <param name="ClosedAt">When.</param>
public sealed record CorrespondenceClosed(Guid CorrespondenceId, string FilingCode, string ClosedBy, DateTimeOffset ClosedAt) : ICorrespondenceEvent;
