using System.Linq.Expressions;

namespace BackOffice.Domain.FrontDesk;

/// <summary>Whether an item came in or went out.</summary>
public enum CorrespondenceDirection
{
    /// <summary>Received by the organisation.</summary>
    Inbound,
    /// <summary>Sent by the organisation.</summary>
    Outbound,
}

/// <summary>How an item travelled.</summary>
public enum CorrespondenceChannel
{
    /// <summary>Post.</summary>
    Mail,
    /// <summary>Fax.</summary>
    Fax,
    /// <summary>E-mail.</summary>
    Email,
    /// <summary>A phone call (a message taken for someone absent, for instance).</summary>
    Phone,
    /// <summary>Courier or hand delivery.</summary>
    Courier,
}

/// <summary>Where an item stands.</summary>
public enum CorrespondenceStatus
{
    /// <summary>In the register, not yet routed.</summary>
    Registered,
    /// <summary>Routed to an addressee who has not acknowledged it yet.</summary>
    Routed,
    /// <summary>The addressee acknowledged it.</summary>
    Acknowledged,
    /// <summary>An outbound item answered it (inbound only).</summary>
    Replied,
    /// <summary>Filed (final).</summary>
    Closed,
}

/// <summary>Who an item is routed to: an employee or a department (exactly one of the two).</summary>
/// <param name="EmployeeId">The addressed employee.</param>
/// <param name="DepartmentId">The addressed department.</param>
public sealed record Addressee(Guid? EmployeeId, Guid? DepartmentId);

/// <summary>Who reads an item, for the confidentiality rule.</summary>
/// <param name="EmployeeId">The reader's employee (linked to their user name), when any.</param>
/// <param name="DepartmentId">That employee's department.</param>
/// <param name="ActingAsHr">Whether the reader holds hr (or admin).</param>
public sealed record CorrespondenceReader(Guid? EmployeeId, Guid? DepartmentId, bool ActingAsHr);

/// <summary>
/// An item of the correspondence register: a letter, fax, e-mail, courier delivery or phone call, inbound or outbound,
/// with its gapless register number. An immutable state built from its events by <see cref="Evolve"/>; its decision
/// methods return the events a command causes or throw a <see cref="DomainException"/>. The state holds no personal
/// data: the correspondent, the subject line and a caller's message are in the personal-data store under
/// <see cref="SubjectId"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="RegisterNumber">Register number, <c>YYYY-NNNNNN</c> (unique per tenant).</param>
/// <param name="RegisterYear">The register's year (the number's first part).</param>
/// <param name="RegisterSequence">The rank in the year's register (the number's second part).</param>
/// <param name="Direction">Inbound or outbound.</param>
/// <param name="Channel">Channel.</param>
/// <param name="SubjectId">The correspondent in the personal-data store.</param>
/// <param name="OccurredAt">When it was received or sent.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="DocumentRef">The document's own reference.</param>
/// <param name="ReplyDueOn">Reply due by this day (inbound).</param>
/// <param name="Confidential">Shown in full only to the addressee, hr and admin.</param>
/// <param name="InReplyTo">The inbound item this outbound item answers.</param>
/// <param name="CallbackRequested">The caller wants a call back (phone).</param>
/// <param name="HasMessage">The caller left a message (phone).</param>
/// <param name="Status">Current status.</param>
/// <param name="Addressee">Who it is routed to, once routed.</param>
/// <param name="RoutedAt">When it was last routed.</param>
/// <param name="AcknowledgedAt">When the current addressee acknowledged it.</param>
/// <param name="AcknowledgedBy">Who acknowledged it.</param>
/// <param name="AnsweredBy">The outbound item that answered it.</param>
/// <param name="RepliedAt">When that answer was sent.</param>
/// <param name="FilingCode">Where it was filed, once closed.</param>
/// <param name="ClosedAt">When it was closed.</param>
public sealed partial record Correspondence(
    Guid Id, string RegisterNumber, int RegisterYear, int RegisterSequence,
    CorrespondenceDirection Direction, CorrespondenceChannel Channel, Guid SubjectId,
    DateTimeOffset OccurredAt, DateTimeOffset RegisteredAt, string? DocumentRef, DateOnly? ReplyDueOn, bool Confidential,
    Guid? InReplyTo, bool CallbackRequested, bool HasMessage,
    CorrespondenceStatus Status, Addressee? Addressee, DateTimeOffset? RoutedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, Guid? AnsweredBy, DateTimeOffset? RepliedAt,
    string? FilingCode, DateTimeOffset? ClosedAt)
{
    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Correspondence? Evolve(Correspondence? state, object @event) => (state, @event) switch
    {
        (_, CorrespondenceRegistered e) => Registered(e),
        (null, _) => null,
        (_, CorrespondenceRouted e) => state with
        {
            Status = CorrespondenceStatus.Routed, Addressee = new Addressee(e.EmployeeId, e.DepartmentId), RoutedAt = e.RoutedAt,
            AcknowledgedAt = null, AcknowledgedBy = null,
        },
        (_, CorrespondenceAcknowledged e) => state with { Status = CorrespondenceStatus.Acknowledged, AcknowledgedAt = e.AcknowledgedAt, AcknowledgedBy = e.AcknowledgedBy },
        (_, CorrespondenceAnswered e) => state with { Status = CorrespondenceStatus.Replied, AnsweredBy = e.AnsweredBy, RepliedAt = e.RepliedAt },
        (_, CorrespondenceClosed e) => state with { Status = CorrespondenceStatus.Closed, FilingCode = e.FilingCode, ClosedAt = e.ClosedAt },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Correspondence? From(IEnumerable<object> events) => events.Aggregate((Correspondence?)null, Evolve);

    private static Correspondence Registered(CorrespondenceRegistered e)
    {
        var number = FrontDesk.RegisterNumber.TryParse(e.RegisterNumber, out var parsed) ? parsed : default;
        return new Correspondence(e.CorrespondenceId, e.RegisterNumber, number.Year, number.Sequence, e.Direction, e.Channel, e.SubjectId,
            e.OccurredAt, e.RegisteredAt, e.DocumentRef, e.ReplyDueOn, e.Confidential, e.InReplyTo, e.CallbackRequested, e.HasMessage,
            CorrespondenceStatus.Registered, null, null, null, null, null, null, null, null);
    }

    /// <summary>Whether its reply is overdue on <paramref name="today"/> (see <see cref="IsReplyOverdue"/>).</summary>
    public bool ReplyOverdueOn(DateOnly today) => IsReplyOverdue(Direction, Status, ReplyDueOn, today);

    /// <summary>
    /// The overdue rule, for the item and for read models that hold the same facts: an inbound item with a reply-by
    /// day, neither answered nor closed, is overdue from the day after that day.
    /// </summary>
    public static bool IsReplyOverdue(CorrespondenceDirection direction, CorrespondenceStatus status, DateOnly? replyDueOn, DateOnly today)
        => direction == CorrespondenceDirection.Inbound && replyDueOn is { } due && today > due
           && status is not (CorrespondenceStatus.Replied or CorrespondenceStatus.Closed);

    /// <summary>
    /// <see cref="IsReplyOverdue"/> as a query predicate, for stores that filter on it (the same rule, term for term;
    /// a domain test holds the two together).
    /// </summary>
    public static Expression<Func<Correspondence, bool>> RepliesOverdueOn(DateOnly today)
        => c => c.Direction == CorrespondenceDirection.Inbound && c.ReplyDueOn != null && c.ReplyDueOn < today
                && c.Status != CorrespondenceStatus.Replied && c.Status != CorrespondenceStatus.Closed;

    /// <summary>The time from receipt to reply, once answered (what the mean time to reply averages).</summary>
    public TimeSpan? TimeToReply => TimeBetween(OccurredAt, RepliedAt);

    /// <summary>The time to reply rule for read models: from receipt to the reply being sent, never negative.</summary>
    public static TimeSpan? TimeBetween(DateTimeOffset receivedAt, DateTimeOffset? repliedAt)
        => repliedAt is { } at ? (at > receivedAt ? at - receivedAt : TimeSpan.Zero) : null;

    /// <summary>
    /// Whether the item is addressed to the employee <paramref name="employeeId"/> or to the department
    /// <paramref name="departmentId"/> (an employee's own department: its members are the addressee).
    /// </summary>
    public bool IsAddressedTo(Guid? employeeId, Guid? departmentId)
        => Addressee is { } a
           && ((a.EmployeeId is { } e && e == employeeId) || (a.DepartmentId is { } d && d == departmentId));

    /// <summary>
    /// The confidentiality rule: a confidential item shows its subject and correspondent only to its addressee, hr and
    /// admin; everyone else sees the number, channel, dates and status.
    /// </summary>
    public bool ShowsDetailsTo(CorrespondenceReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return !Confidential || reader.ActingAsHr || IsAddressedTo(reader.EmployeeId, reader.DepartmentId);
    }

    private void RequireNotClosed(string action)
    {
        if (Status == CorrespondenceStatus.Closed)
            throw new DomainException(ErrorCodes.CorrespondenceTransitionNotAllowed, $"Item {RegisterNumber} is closed and cannot be {action}.");
    }
}
