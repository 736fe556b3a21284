using BackOffice.Api.Identity;
using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.FrontDesk;
using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>GET /api/dashboards/front-desk</c>: items per status, acknowledgements pending per addressee, replies overdue,
/// volume per channel per month, mean time to reply (overall and per channel). Built asynchronously from ids,
/// numbers and dates only (no subject line, no correspondent): it may lag the latest command by a moment.
/// </summary>
public static class GetFrontDeskDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed.</param>
    /// <param name="UpdatedAt">Timestamp of the last event the dashboard includes (null before any).</param>
    /// <param name="PerStatus">Items per status (every status, 0 included).</param>
    /// <param name="PendingAcknowledgements">Routed items not yet acknowledged, per addressee, the most waiting first.</param>
    /// <param name="RepliesOverdue">Inbound items past their reply-by day, neither answered nor closed, the oldest due first.</param>
    /// <param name="VolumePerChannelPerMonth">Items received and sent per month (of occurredAt) and channel, oldest month first.</param>
    /// <param name="MeanTimeToReply">From receipt to reply, over every answered item.</param>
    /// <param name="MeanTimeToReplyPerChannel">The same per channel of the answered item.</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, IReadOnlyDictionary<string, int> PerStatus,
        IReadOnlyList<PendingAcknowledgement> PendingAcknowledgements, IReadOnlyList<OverdueReply> RepliesOverdue,
        IReadOnlyList<ChannelVolume> VolumePerChannelPerMonth, ReplyTime MeanTimeToReply, IReadOnlyList<ChannelReplyTime> MeanTimeToReplyPerChannel);

    /// <summary>Acknowledgements one addressee owes.</summary>
    /// <param name="EmployeeId">The addressed employee (null for a department).</param>
    /// <param name="DepartmentId">The addressed department (null for an employee).</param>
    /// <param name="Count">Items waiting.</param>
    /// <param name="OldestRoutedAt">When the longest-waiting one was routed.</param>
    public sealed record PendingAcknowledgement(Guid? EmployeeId, Guid? DepartmentId, int Count, DateTimeOffset OldestRoutedAt);

    /// <summary>An overdue reply (ids, numbers and dates only).</summary>
    /// <param name="Id">Item id.</param>
    /// <param name="RegisterNumber">Register number.</param>
    /// <param name="Channel">Channel.</param>
    /// <param name="ReplyDueOn">Reply due by this day.</param>
    /// <param name="DaysOverdue">Days since that day.</param>
    /// <param name="EmployeeId">Addressed employee.</param>
    /// <param name="DepartmentId">Addressed department.</param>
    public sealed record OverdueReply(Guid Id, string RegisterNumber, CorrespondenceChannel Channel, DateOnly ReplyDueOn, int DaysOverdue, Guid? EmployeeId, Guid? DepartmentId);

    /// <summary>Volume of one channel in one month.</summary>
    /// <param name="Month">Month, <c>yyyy-MM</c>.</param>
    /// <param name="Channel">Channel.</param>
    /// <param name="Inbound">Items received.</param>
    /// <param name="Outbound">Items sent.</param>
    public sealed record ChannelVolume(string Month, CorrespondenceChannel Channel, int Inbound, int Outbound);

    /// <summary>A mean time to reply.</summary>
    /// <param name="Replies">Answered items it averages over.</param>
    /// <param name="MeanHours">Mean hours from receipt to reply (null without any reply; 2 decimals).</param>
    public sealed record ReplyTime(int Replies, double? MeanHours);

    /// <summary>A mean time to reply for one channel.</summary>
    /// <param name="Channel">Channel of the answered items.</param>
    /// <param name="Replies">Answered items.</param>
    /// <param name="MeanHours">Mean hours from receipt to reply (2 decimals).</param>
    public sealed record ChannelReplyTime(CorrespondenceChannel Channel, int Replies, double? MeanHours);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/front-desk", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await LoadAsync(session, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetFrontDeskDashboard")
            .WithSummary("Front-desk dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>The dashboard of the session's tenant at <paramref name="now"/> (the API route and the console read it here).</summary>
    internal static async Task<Dashboard> LoadAsync(IQuerySession session, DateTimeOffset now, CancellationToken cancellation)
        => From(await session.Query<FrontDeskLine>().ToListAsync(cancellation).ConfigureAwait(false), now);

    internal static Dashboard From(IReadOnlyList<FrontDeskLine> lines, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var perStatus = Enum.GetValues<CorrespondenceStatus>().ToDictionary(s => s.ToString(), s => lines.Count(l => l.Status == s));
        var pending = lines.Where(l => l.Status == CorrespondenceStatus.Routed && l.RoutedAt is not null)
            .GroupBy(l => (l.EmployeeId, l.DepartmentId))
            .Select(g => new PendingAcknowledgement(g.Key.EmployeeId, g.Key.DepartmentId, g.Count(), g.Min(l => l.RoutedAt!.Value)))
            .OrderByDescending(p => p.Count).ThenBy(p => p.OldestRoutedAt).ToList();
        var overdue = lines.Where(l => l.ReplyOverdueOn(today))
            .OrderBy(l => l.ReplyDueOn).ThenBy(l => l.RegisterNumber, StringComparer.Ordinal)
            .Select(l => new OverdueReply(l.Id, l.RegisterNumber, l.Channel, l.ReplyDueOn!.Value, today.DayNumber - l.ReplyDueOn.Value.DayNumber,
                l.EmployeeId, l.DepartmentId))
            .ToList();
        var volume = lines.GroupBy(l => (l.Month, l.Channel))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Channel)
            .Select(g => new ChannelVolume(g.Key.Month, g.Key.Channel,
                g.Count(l => l.Direction == CorrespondenceDirection.Inbound), g.Count(l => l.Direction == CorrespondenceDirection.Outbound)))
            .ToList();
        var replies = lines.Where(l => l.TimeToReply is not null).ToList();
        var perChannel = replies.GroupBy(l => l.Channel).OrderBy(g => g.Key)
            .Select(g => new ChannelReplyTime(g.Key, g.Count(), MeanHours(g))).ToList();
        return new Dashboard(now, lines.Select(l => l.UpdatedAt).Max(), perStatus, pending, overdue, volume,
            new ReplyTime(replies.Count, MeanHours(replies)), perChannel);
    }

    private static double? MeanHours(IEnumerable<FrontDeskLine> replied)
    {
        var hours = replied.Select(l => l.TimeToReply!.Value.TotalHours).ToList();
        return hours.Count == 0 ? null : Math.Round(hours.Average(), 2);
    }
}
