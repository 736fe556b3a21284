namespace BackOffice.Domain.HelpDesk;

/// <summary>Marker for the facts of a support request. Every event is a versioned public contract.</summary>
public interface ISupportRequestEvent
{
    /// <summary>The support request the fact belongs to (its stream id).</summary>
    Guid SupportRequestId { get; }
}

/// <summary>Someone asked for tech support. The description lives in the personal-data store under <paramref name="SubjectId"/>.</summary>
/// <param name="SupportRequestId">The new request's id.</param>
/// <param name="SubjectId">The requester's subject in the personal-data store (description and comments live there).</param>
/// <param name="Requester">The requester's user name.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Summary">One line saying what is wrong.</param>
/// <param name="DeviceId">The device concerned, when named.</param>
/// <param name="OpenedAt">When it was opened (the service-level clock starts here).</param>
/// <param name="FirstResponseTarget">The first-response service level in force when it was opened.</param>
/// <param name="ResolutionTarget">The resolution service level in force when it was opened.</param>
/// <param name="ReopenWindow">The reopen window in force when it was opened (how long after a resolution it may be reopened).</param>
public sealed record SupportRequestOpened(
    Guid SupportRequestId, Guid SubjectId, string Requester, SupportCategory Category, SupportPriority Priority, string Summary,
    Guid? DeviceId, DateTimeOffset OpenedAt, TimeSpan FirstResponseTarget, TimeSpan ResolutionTarget, TimeSpan ReopenWindow) : ISupportRequestEvent;

/// <summary>The request was given to a support agent (a first response when none was given yet).</summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="Assignee">The agent's user name.</param>
/// <param name="AssignedBy">Who assigned it.</param>
/// <param name="At">When.</param>
public sealed record SupportRequestAssigned(Guid SupportRequestId, string Assignee, string AssignedBy, DateTimeOffset At) : ISupportRequestEvent;

/// <summary>
/// A comment was added (its text lives in the personal-data store). With <paramref name="WaitingOnRequester"/> the
/// request waits for its requester and the service-level clock stops; a comment without it on a waiting request
/// starts the clock again.
/// </summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="CommentId">The comment's id (its text's key in the personal-data store).</param>
/// <param name="By">Who wrote it.</param>
/// <param name="At">When.</param>
/// <param name="WaitingOnRequester">Whether the request now waits for its requester.</param>
public sealed record SupportRequestCommented(Guid SupportRequestId, Guid CommentId, string By, DateTimeOffset At, bool WaitingOnRequester) : ISupportRequestEvent;

/// <summary>Support resolved the request (the resolution text lives in the personal-data store); the clock stops.</summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
/// <param name="At">When.</param>
/// <param name="ReopenableUntil">Until when the requester may reopen it; it closes by itself then.</param>
public sealed record SupportRequestResolved(Guid SupportRequestId, string ResolvedBy, DateTimeOffset At, DateTimeOffset ReopenableUntil) : ISupportRequestEvent;

/// <summary>The requester confirmed the resolution: the request is closed for good.</summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="By">The requester.</param>
/// <param name="At">When.</param>
public sealed record SupportRequestConfirmed(Guid SupportRequestId, string By, DateTimeOffset At) : ISupportRequestEvent;

/// <summary>The requester reopened a resolved request within the window (the reason lives in the personal-data store); the clock runs again.</summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="ReopeningId">The reopening's id (its reason's key in the personal-data store).</param>
/// <param name="By">The requester.</param>
/// <param name="At">When.</param>
public sealed record SupportRequestReopened(Guid SupportRequestId, Guid ReopeningId, string By, DateTimeOffset At) : ISupportRequestEvent;

/// <summary>A resolved request nobody reopened closed by itself when its reopen window ended (recorded by a durable scheduled message).</summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="At">When the close was recorded.</param>
public sealed record SupportRequestClosed(Guid SupportRequestId, DateTimeOffset At) : ISupportRequestEvent;

/// <summary>A service-level deadline passed unmet (recorded once per kind, by a durable scheduled message).</summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="Kind">First response or resolution.</param>
/// <param name="DueAt">The deadline that passed (pauses included).</param>
/// <param name="RecordedAt">When the breach was recorded.</param>
public sealed record ServiceLevelBreached(Guid SupportRequestId, ServiceLevelKind Kind, DateTimeOffset DueAt, DateTimeOffset RecordedAt) : ISupportRequestEvent;

/// <summary>Marker for the facts of a tenant's help-desk settings.</summary>
public interface IHelpDeskSettingsEvent
{
    /// <summary>The settings stream (one per tenant: <see cref="HelpDeskSettings.StreamId"/>).</summary>
    Guid SettingsId { get; }
}

/// <summary>The tenant's service levels and reopen window were set; requests opened (or resolved) afterwards use them.</summary>
/// <param name="SettingsId">The settings stream.</param>
/// <param name="Critical">Service level of critical requests.</param>
/// <param name="High">Service level of high-priority requests.</param>
/// <param name="Medium">Service level of medium-priority requests.</param>
/// <param name="Low">Service level of low-priority requests.</param>
/// <param name="ReopenWindow">How long after its resolution a request may be reopened (it closes by itself then).</param>
public sealed record HelpDeskSettingsChanged(
    Guid SettingsId, ServiceLevel Critical, ServiceLevel High, ServiceLevel Medium, ServiceLevel Low, TimeSpan ReopenWindow) : IHelpDeskSettingsEvent;

/// <summary>
/// Support escalated the hardware request to a fault ticket on its device; the escalation workflow opens the ticket
/// <paramref name="TicketId"/> (derived from the request's id, <see cref="SupportRequest.EscalationTicketId"/>) on the device.
/// </summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="DeviceId">The device the ticket is opened on.</param>
/// <param name="TicketId">The fault ticket's id.</param>
/// <param name="EscalatedBy">Who escalated.</param>
/// <param name="At">When.</param>
public sealed record SupportRequestEscalated(Guid SupportRequestId, Guid DeviceId, Guid TicketId, string EscalatedBy, DateTimeOffset At) : ISupportRequestEvent;

/// <summary>
/// The device refused the fault ticket of an escalation (it was retired between the escalation and the workflow): the
/// request is no longer linked to a ticket and may be escalated again.
/// </summary>
/// <param name="SupportRequestId">The request.</param>
/// <param name="TicketId">The ticket that was not opened.</param>
/// <param name="Code">The device's error code (e.g. <c>device-retired</c>).</param>
/// <param name="Reason">The device's message.</param>
/// <param name="At">When the refusal was recorded.</param>
public sealed record SupportRequestEscalationRefused(Guid SupportRequestId, Guid TicketId, string Code, string Reason, DateTimeOffset At) : ISupportRequestEvent;
