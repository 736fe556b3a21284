namespace BackOffice.Domain.HelpDesk;

public sealed partial record SupportRequest
{
    /// <summary>
    /// Decides whether the <paramref name="kind"/> deadline has passed unmet at <paramref name="now"/>: a breach is
    /// recorded at most once per kind. The first response is met when support responded by its deadline; the
    /// resolution when the clock stopped (waiting on the requester, or resolved) before its deadline. A deadline not
    /// reached yet, met, or already breached records nothing (see <see cref="NextCheckAt"/> for when to look again).
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> RecordBreach(ServiceLevelKind kind, DateTimeOffset now)
    {
        if (Breached(kind)) return [];
        var (due, stoppedAt) = kind == ServiceLevelKind.FirstResponse
            ? (FirstResponseDueAt, RespondedAt)
            : (ResolutionDueAt, ClockStoppedAt);
        var passedUnmet = stoppedAt is { } stopped ? stopped > due : now >= due;
        return passedUnmet ? [new ServiceLevelBreached(Id, kind, due, now)] : [];
    }

    /// <summary>
    /// Decides the automatic close: a request still resolved when its reopen window has ended closes by itself; in
    /// any other case (reopened, confirmed, already closed, window not over) nothing is recorded.
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> CloseIfDue(DateTimeOffset now)
        => Status == SupportRequestStatus.Resolved && ReopenableUntil is { } until && now >= until
            ? [new SupportRequestClosed(Id, now)]
            : [];
}
