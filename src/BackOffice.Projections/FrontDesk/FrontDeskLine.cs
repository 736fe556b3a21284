using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;

namespace BackOffice.Projections.FrontDesk;

/// <summary>
/// One correspondence item's line of the front-desk dashboard (document id: the item id): its number, direction,
/// channel, month, status, addressee and reply dates. The dashboard (pending acknowledgements per addressee, replies
/// overdue, volume per channel per month, mean time to reply) is the set of a tenant's lines; each daemon batch
/// rewrites only the lines of the items it touched. Holds no subject line and no correspondent: nothing confidential.
/// </summary>
public sealed class FrontDeskLine
{
    /// <summary>The item's id.</summary>
    public Guid Id { get; set; }
    /// <summary>Register number.</summary>
    public string RegisterNumber { get; set; } = "";
    /// <summary>Inbound or outbound.</summary>
    public CorrespondenceDirection Direction { get; set; }
    /// <summary>Channel.</summary>
    public CorrespondenceChannel Channel { get; set; }
    /// <summary>The month it was received or sent, <c>yyyy-MM</c>.</summary>
    public string Month { get; set; } = "";
    /// <summary>When it was received or sent.</summary>
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>Current status.</summary>
    public CorrespondenceStatus Status { get; set; }
    /// <summary>Addressed employee.</summary>
    public Guid? EmployeeId { get; set; }
    /// <summary>Addressed department.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>When it was last routed.</summary>
    public DateTimeOffset? RoutedAt { get; set; }
    /// <summary>Reply due by this day.</summary>
    public DateOnly? ReplyDueOn { get; set; }
    /// <summary>When its answer was sent.</summary>
    public DateTimeOffset? RepliedAt { get; set; }
    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Whether the reply is overdue on <paramref name="today"/> (the domain's rule).</summary>
    public bool ReplyOverdueOn(DateOnly today) => Correspondence.IsReplyOverdue(Direction, Status, ReplyDueOn, today);

    /// <summary>From receipt to reply, once answered (the domain's rule).</summary>
    public TimeSpan? TimeToReply => Correspondence.TimeBetween(OccurredAt, RepliedAt);
}

/// <summary>Builds <see cref="FrontDeskLine"/> (async, one document per correspondence item).</summary>
public sealed class FrontDeskLineProjection : StreamLine<FrontDeskLine, ICorrespondenceEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "FrontDeskLines";

    /// <summary>Takes the correspondence events only.</summary>
    public FrontDeskLineProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override FrontDeskLine? Apply(FrontDeskLine? snapshot, Guid id, IEvent e)
    {
        if (e.Data is CorrespondenceRegistered r)
        {
            return new FrontDeskLine
            {
                Id = id, RegisterNumber = r.RegisterNumber, Direction = r.Direction, Channel = r.Channel,
                Month = r.OccurredAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                OccurredAt = r.OccurredAt, Status = CorrespondenceStatus.Registered, ReplyDueOn = r.ReplyDueOn, UpdatedAt = EventTime.Of(e),
            };
        }
        if (snapshot is null) return null;
        var d = snapshot;
        d.UpdatedAt = EventTime.Of(e);
        switch (e.Data)
        {
            case CorrespondenceRouted routed:
                d.Status = CorrespondenceStatus.Routed;
                d.EmployeeId = routed.EmployeeId;
                d.DepartmentId = routed.DepartmentId;
                d.RoutedAt = routed.RoutedAt;
                break;
            case CorrespondenceAcknowledged:
                d.Status = CorrespondenceStatus.Acknowledged;
                break;
            case CorrespondenceAnswered answered:
                d.Status = CorrespondenceStatus.Replied;
                d.RepliedAt = answered.RepliedAt;
                break;
            case CorrespondenceClosed:
                d.Status = CorrespondenceStatus.Closed;
                break;
        }
        return d;
    }
}
