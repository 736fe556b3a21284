namespace BackOffice.Domain.HelpDesk;

/// <summary>One comment on a support request (its text lives in the personal-data store).</summary>
/// <param name="CommentId">Comment id.</param>
/// <param name="By">Who wrote it.</param>
/// <param name="At">When.</param>
/// <param name="WaitingOnRequester">Whether it put the request waiting for its requester.</param>
public sealed record SupportComment(Guid CommentId, string By, DateTimeOffset At, bool WaitingOnRequester);

/// <summary>
/// A request for tech support, with its service-level clock. An immutable state built from its events by
/// <see cref="Evolve"/>; its decision methods return the events a command causes or throw a
/// <see cref="DomainException"/>. Free text (description, comments, resolution, reopen reasons) is not held here:
/// it lives in the personal-data store under the requester's <see cref="SubjectId"/>.
/// <para>The clock: the first response is due <see cref="FirstResponseTarget"/> after opening; the resolution
/// <see cref="ResolutionTarget"/> after opening plus every period the clock was stopped (<see cref="PausedFor"/>). The
/// clock stops while the request waits on its requester and once it is resolved; it runs again when the requester
/// answers or reopens.</para>
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="SubjectId">The requester's subject in the personal-data store.</param>
/// <param name="Requester">The requester's user name.</param>
/// <param name="Category">Category.</param>
/// <param name="Priority">Priority.</param>
/// <param name="Summary">One line saying what is wrong.</param>
/// <param name="DeviceId">The device concerned, when named.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Assignee">The agent who has it.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="FirstResponseTarget">Time allowed to the first response.</param>
/// <param name="ResolutionTarget">Time allowed to the resolution (clock running).</param>
/// <param name="ReopenWindow">How long after a resolution the requester may reopen it.</param>
/// <param name="RespondedAt">When support first responded (assigned, commented or resolved).</param>
/// <param name="ClockStoppedAt">Since when the clock is stopped (waiting on the requester, resolved or closed); null while it runs.</param>
/// <param name="PausedFor">Total of the stops that have ended.</param>
/// <param name="FirstResponseBreached">A first-response breach was recorded.</param>
/// <param name="ResolutionBreached">A resolution breach was recorded.</param>
/// <param name="ResolvedAt">When it was last resolved.</param>
/// <param name="ReopenableUntil">While resolved: until when it may be reopened (it closes by itself then).</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="ClosedAutomatically">Whether it closed by itself (rather than by the requester's confirmation).</param>
/// <param name="Comments">Comments, oldest first.</param>
/// <param name="Reopenings">How many times it was reopened.</param>
public sealed partial record SupportRequest(
    Guid Id, Guid SubjectId, string Requester, SupportCategory Category, SupportPriority Priority, string Summary, Guid? DeviceId,
    SupportRequestStatus Status, string? Assignee, DateTimeOffset OpenedAt, TimeSpan FirstResponseTarget, TimeSpan ResolutionTarget,
    TimeSpan ReopenWindow, DateTimeOffset? RespondedAt, DateTimeOffset? ClockStoppedAt, TimeSpan PausedFor, bool FirstResponseBreached, bool ResolutionBreached,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ReopenableUntil, DateTimeOffset? ClosedAt, bool ClosedAutomatically,
    IReadOnlyList<SupportComment> Comments, int Reopenings)
{
    /// <summary>The fault ticket it was escalated to (null: not escalated, or the device refused the ticket).</summary>
    public Guid? DeviceTicketId { get; init; }

    /// <summary>Longest summary.</summary>
    public const int MaxSummaryLength = 200;
    /// <summary>Longest description, comment, resolution or reason.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Open, assigned or waiting: support still has work to do.</summary>
    public bool IsActive => Status is SupportRequestStatus.Open or SupportRequestStatus.Assigned or SupportRequestStatus.WaitingOnRequester;

    /// <summary>The urgency as a number (Low 0 … Critical 3), for ordering queues.</summary>
    public int Urgency => (int)Priority;

    /// <summary>When the first response is due.</summary>
    public DateTimeOffset FirstResponseDueAt => OpenedAt + FirstResponseTarget;

    /// <summary>When the resolution is due counting the stops that have ended (a current stop moves it further).</summary>
    public DateTimeOffset ResolutionDueAt => OpenedAt + ResolutionTarget + PausedFor;

    /// <summary>
    /// The resolution deadline as it stands at <paramref name="now"/>: while the request waits on its requester the
    /// deadline moves with the clock stop (as if the requester answered now).
    /// </summary>
    public DateTimeOffset ResolutionDueAtAsOf(DateTimeOffset now)
        => Status == SupportRequestStatus.WaitingOnRequester && ClockStoppedAt is { } stopped && now > stopped
            ? ResolutionDueAt + (now - stopped)
            : ResolutionDueAt;

    /// <summary>Whether a breach of <paramref name="kind"/> was recorded.</summary>
    public bool Breached(ServiceLevelKind kind) => kind == ServiceLevelKind.FirstResponse ? FirstResponseBreached : ResolutionBreached;

    /// <summary>
    /// When the <paramref name="kind"/> deadline can next pass if nothing changes: null when it was met, is already
    /// breached, or the clock is stopped (a restart of the clock schedules a new check).
    /// </summary>
    public DateTimeOffset? NextCheckAt(ServiceLevelKind kind) => kind switch
    {
        ServiceLevelKind.FirstResponse => FirstResponseBreached || RespondedAt is not null ? null : FirstResponseDueAt,
        _ => ResolutionBreached || ClockStoppedAt is not null ? null : ResolutionDueAt,
    };

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static SupportRequest? Evolve(SupportRequest? state, object @event) => (state, @event) switch
    {
        (_, SupportRequestOpened e) => new SupportRequest(e.SupportRequestId, e.SubjectId, e.Requester, e.Category, e.Priority, e.Summary,
            e.DeviceId, SupportRequestStatus.Open, null, e.OpenedAt, e.FirstResponseTarget, e.ResolutionTarget, e.ReopenWindow, null, null, TimeSpan.Zero,
            false, false, null, null, null, false, [], 0),
        (null, _) => null,
        (_, SupportRequestAssigned e) => state with
        {
            Assignee = e.Assignee,
            Status = state.Status == SupportRequestStatus.Open ? SupportRequestStatus.Assigned : state.Status,
            RespondedAt = state.RespondedAt ?? e.At,
        },
        (_, SupportRequestCommented e) => state.ApplyComment(e),
        (_, SupportRequestResolved e) => state with
        {
            Status = SupportRequestStatus.Resolved,
            ResolvedAt = e.At,
            ReopenableUntil = e.ReopenableUntil,
            RespondedAt = state.RespondedAt ?? e.At,
            ClockStoppedAt = state.ClockStoppedAt ?? e.At,
        },
        (_, SupportRequestConfirmed e) => state with { Status = SupportRequestStatus.Closed, ClosedAt = e.At, ReopenableUntil = null },
        (_, SupportRequestClosed e) => state with { Status = SupportRequestStatus.Closed, ClosedAt = e.At, ClosedAutomatically = true, ReopenableUntil = null },
        (_, SupportRequestReopened e) => state.Restarted(e.At) with { ReopenableUntil = null, Reopenings = state.Reopenings + 1 },
        (_, SupportRequestEscalated e) => state with { DeviceTicketId = e.TicketId },
        (_, SupportRequestEscalationRefused) => state with { DeviceTicketId = null },
        (_, ServiceLevelBreached { Kind: ServiceLevelKind.FirstResponse }) => state with { FirstResponseBreached = true },
        (_, ServiceLevelBreached) => state with { ResolutionBreached = true },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static SupportRequest? From(IEnumerable<object> events) => events.Aggregate((SupportRequest?)null, Evolve);

    private SupportRequest ApplyComment(SupportRequestCommented e)
    {
        var request = this with
        {
            Comments = [.. Comments, new SupportComment(e.CommentId, e.By, e.At, e.WaitingOnRequester)],
            RespondedAt = RespondedAt ?? (IsRequester(e.By) ? null : e.At),
        };
        if (e.WaitingOnRequester) return request with { Status = SupportRequestStatus.WaitingOnRequester, ClockStoppedAt = e.At };
        return Status == SupportRequestStatus.WaitingOnRequester ? request.Restarted(e.At) : request;
    }

    /// <summary>The clock runs again from <paramref name="at"/>: the stop is added to <see cref="PausedFor"/>.</summary>
    private SupportRequest Restarted(DateTimeOffset at) => this with
    {
        PausedFor = PausedFor + (ClockStoppedAt is { } stopped && at > stopped ? at - stopped : TimeSpan.Zero),
        ClockStoppedAt = null,
        Status = Assignee is null ? SupportRequestStatus.Open : SupportRequestStatus.Assigned,
    };

    /// <summary>Whether <paramref name="user"/> is the requester.</summary>
    public bool IsRequester(string user) => string.Equals(user, Requester, StringComparison.Ordinal);

    private void RequireActive(string action)
    {
        if (!IsActive)
            throw new DomainException(ErrorCodes.SupportRequestTransitionNotAllowed,
                $"A {Status} support request cannot be {action}.");
    }

    private void RequireRequester(DecisionContext context, string action)
    {
        if (!IsRequester(context.User))
            throw new DomainException(ErrorCodes.NotTheRequester, $"Only the requester ({Requester}) may {action} this support request.");
    }
}
