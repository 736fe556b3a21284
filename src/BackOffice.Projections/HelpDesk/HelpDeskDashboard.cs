using BackOffice.Domain.HelpDesk;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;

namespace BackOffice.Projections.HelpDesk;

/// <summary>
/// One support request's line of the help-desk dashboard (document id: the request id): category, priority, status,
/// when it was opened and last resolved, and the breaches recorded. The dashboard (queue, SLA compliance per month,
/// volume per category, mean time to resolve) is computed from a tenant's lines; each daemon batch rewrites only the
/// lines of the requests it touched. Holds no free text.
/// </summary>
public sealed class HelpDeskLine
{
    /// <summary>The request's id.</summary>
    public Guid Id { get; set; }
    /// <summary>Category.</summary>
    public SupportCategory Category { get; set; }
    /// <summary>Priority.</summary>
    public SupportPriority Priority { get; set; }
    /// <summary>Current status.</summary>
    public SupportRequestStatus Status { get; set; }
    /// <summary>One line saying what is wrong.</summary>
    public string Summary { get; set; } = "";
    /// <summary>The agent who has it.</summary>
    public string? Assignee { get; set; }
    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; set; }
    /// <summary>When it was last resolved (null while never resolved).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>A first-response breach was recorded.</summary>
    public bool FirstResponseBreached { get; set; }
    /// <summary>A resolution breach was recorded.</summary>
    public bool ResolutionBreached { get; set; }
    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>Builds <see cref="HelpDeskLine"/> (async, one document per support request), under <see cref="ProjectionName"/>.</summary>
public sealed class HelpDeskLineProjection : StreamLine<HelpDeskLine, ISupportRequestEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "HelpDeskLines";

    /// <summary>Takes the support requests' events only.</summary>
    public HelpDeskLineProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override HelpDeskLine? Apply(HelpDeskLine? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not SupportRequestOpened) return null;
        var line = snapshot ?? new HelpDeskLine { Id = id };
        line.UpdatedAt = EventTime.Of(e);
        switch (e.Data)
        {
            case SupportRequestOpened o:
                line.Category = o.Category;
                line.Priority = o.Priority;
                line.Summary = o.Summary;
                line.Status = SupportRequestStatus.Open;
                line.OpenedAt = o.OpenedAt;
                break;
            case SupportRequestAssigned a:
                line.Assignee = a.Assignee;
                if (line.Status == SupportRequestStatus.Open) line.Status = SupportRequestStatus.Assigned;
                break;
            case SupportRequestCommented c when c.WaitingOnRequester:
                line.Status = SupportRequestStatus.WaitingOnRequester;
                break;
            case SupportRequestCommented when line.Status == SupportRequestStatus.WaitingOnRequester:
                line.Status = line.Assignee is null ? SupportRequestStatus.Open : SupportRequestStatus.Assigned;
                break;
            case SupportRequestResolved r:
                line.Status = SupportRequestStatus.Resolved;
                line.ResolvedAt = r.At;
                break;
            case SupportRequestReopened:
                line.Status = line.Assignee is null ? SupportRequestStatus.Open : SupportRequestStatus.Assigned;
                break;
            case SupportRequestConfirmed or SupportRequestClosed:
                line.Status = SupportRequestStatus.Closed;
                break;
            case ServiceLevelBreached { Kind: ServiceLevelKind.FirstResponse }:
                line.FirstResponseBreached = true;
                break;
            case ServiceLevelBreached:
                line.ResolutionBreached = true;
                break;
        }
        return line;
    }
}
