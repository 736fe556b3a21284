using System.Globalization;
using BackOffice.Api.Identity;
using BackOffice.Domain.HelpDesk;
using BackOffice.Projections.HelpDesk;
using Marten;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// <c>GET /api/dashboards/help-desk</c>: the queue by priority and age, service-level compliance per month, volume per
/// category, mean time to resolve. Built asynchronously from the events: it may lag the latest command by a moment
/// (<c>updatedAt</c> is the time of the last event it includes).
/// </summary>
public static class GetHelpDeskDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed (ages are measured to it).</param>
    /// <param name="UpdatedAt">Timestamp of the last event included (null before any).</param>
    /// <param name="Queue">Active requests (open, assigned, waiting): most urgent first, then oldest first.</param>
    /// <param name="QueueByPriority">How many active requests per priority, with the oldest one's age.</param>
    /// <param name="SlaCompliance">Per month of opening (<c>yyyy-MM</c>, latest first): requests, breaches and the share without breach.</param>
    /// <param name="VolumeByCategory">Requests per category: all, and still active.</param>
    /// <param name="MeanTimeToResolve">Mean time from opening to the latest resolution of resolved and closed requests, overall and per priority.</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<QueueItem> Queue, IReadOnlyList<PriorityBacklog> QueueByPriority,
        IReadOnlyList<MonthCompliance> SlaCompliance, IReadOnlyList<CategoryVolume> VolumeByCategory, ResolutionTimes MeanTimeToResolve);

    /// <summary>A request in the queue.</summary>
    public sealed record QueueItem(Guid SupportRequestId, SupportPriority Priority, SupportCategory Category, string Summary,
        SupportRequestStatus Status, string? Assignee, DateTimeOffset OpenedAt, long AgeSeconds, bool FirstResponseBreached, bool ResolutionBreached);

    /// <summary>Active requests of one priority.</summary>
    public sealed record PriorityBacklog(SupportPriority Priority, int Count, long OldestAgeSeconds);

    /// <summary>Service-level compliance of the requests opened in one month.</summary>
    /// <param name="Month"><c>yyyy-MM</c>.</param>
    /// <param name="Requests">Requests opened that month.</param>
    /// <param name="FirstResponseBreaches">Of them, with a first-response breach.</param>
    /// <param name="ResolutionBreaches">Of them, with a resolution breach.</param>
    /// <param name="Compliant">Of them, without any breach.</param>
    /// <param name="ComplianceRate">Compliant ÷ requests (0–1).</param>
    public sealed record MonthCompliance(string Month, int Requests, int FirstResponseBreaches, int ResolutionBreaches, int Compliant, double ComplianceRate);

    /// <summary>Requests of one category.</summary>
    public sealed record CategoryVolume(SupportCategory Category, int Total, int Active);

    /// <summary>Mean time to resolve, in seconds (null when nothing was resolved).</summary>
    public sealed record ResolutionTimes(int Resolved, double? MeanSeconds, IReadOnlyList<PriorityResolutionTime> ByPriority);

    /// <summary>Mean time to resolve of one priority.</summary>
    public sealed record PriorityResolutionTime(SupportPriority Priority, int Resolved, double MeanSeconds);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/help-desk", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await LoadAsync(session, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetHelpDeskDashboard")
            .WithSummary("Help-desk dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>The dashboard of the session's tenant at <paramref name="now"/> (the API route and the console read it here).</summary>
    internal static async Task<Dashboard> LoadAsync(IQuerySession session, DateTimeOffset now, CancellationToken cancellation)
        => From(await session.Query<HelpDeskLine>().ToListAsync(cancellation).ConfigureAwait(false), now);

    internal static Dashboard From(IReadOnlyList<HelpDeskLine> lines, DateTimeOffset now)
    {
        long Age(HelpDeskLine l) => Math.Max(0, (long)(now - l.OpenedAt).TotalSeconds);
        var active = lines.Where(l => l.Status is SupportRequestStatus.Open or SupportRequestStatus.Assigned or SupportRequestStatus.WaitingOnRequester).ToList();
        var queue = active.OrderByDescending(l => l.Priority).ThenBy(l => l.OpenedAt)
            .Select(l => new QueueItem(l.Id, l.Priority, l.Category, l.Summary, l.Status, l.Assignee, l.OpenedAt, Age(l), l.FirstResponseBreached, l.ResolutionBreached))
            .ToList();
        var byPriority = active.GroupBy(l => l.Priority).OrderByDescending(g => g.Key)
            .Select(g => new PriorityBacklog(g.Key, g.Count(), g.Max(Age))).ToList();
        var compliance = lines.GroupBy(l => l.OpenedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = g.Count();
                var compliant = g.Count(l => !l.FirstResponseBreached && !l.ResolutionBreached);
                return new MonthCompliance(g.Key, total, g.Count(l => l.FirstResponseBreached), g.Count(l => l.ResolutionBreached), compliant,
                    Math.Round((double)compliant / total, 4));
            }).ToList();
        var volume = lines.GroupBy(l => l.Category).OrderBy(g => g.Key)
            .Select(g => new CategoryVolume(g.Key, g.Count(), g.Count(l => active.Contains(l)))).ToList();
        var resolved = lines.Where(l => l.ResolvedAt is not null && l.Status is SupportRequestStatus.Resolved or SupportRequestStatus.Closed).ToList();
        double Seconds(HelpDeskLine l) => (l.ResolvedAt!.Value - l.OpenedAt).TotalSeconds;
        var mttr = new ResolutionTimes(resolved.Count, resolved.Count == 0 ? null : Math.Round(resolved.Average(Seconds), 3),
            [.. resolved.GroupBy(l => l.Priority).OrderByDescending(g => g.Key)
                .Select(g => new PriorityResolutionTime(g.Key, g.Count(), Math.Round(g.Average(Seconds), 3)))]);
        return new Dashboard(now, lines.Max(l => l.UpdatedAt), queue, byPriority, compliance, volume, mttr);
    }
}
