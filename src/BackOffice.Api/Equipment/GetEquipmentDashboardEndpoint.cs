using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using BackOffice.Projections.Equipment;
using Marten;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>GET /api/dashboards/equipment</c>: devices by status, open tickets by severity and age, maintenance due and
/// overdue, and per kind and per location the downtime, repair cost, MTTR and MTBF (ADR 14). Built asynchronously: it
/// may lag the latest command by a moment (<c>updatedAt</c> is the time of the last event it includes).
/// </summary>
public static class GetEquipmentDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed (ages and due days are measured to it).</param>
    /// <param name="UpdatedAt">Timestamp of the last event the dashboard includes (null before any).</param>
    /// <param name="Devices">Devices by status.</param>
    /// <param name="OpenTickets">Open tickets per severity (Critical first), with their ages.</param>
    /// <param name="Maintenance">Devices due (within 14 days) and overdue for maintenance.</param>
    /// <param name="RefusedReplacements">Consumable replacements Inventory refused (e.g. insufficient stock).</param>
    /// <param name="ByKind">Figures per kind of device.</param>
    /// <param name="ByLocation">Figures per location.</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, StatusCounts Devices, IReadOnlyList<SeverityLine> OpenTickets,
        MaintenanceCounts Maintenance, int RefusedReplacements, IReadOnlyList<Group> ByKind, IReadOnlyList<Group> ByLocation);

    /// <summary>Devices by status.</summary>
    /// <param name="Total">All devices.</param>
    /// <param name="InService">In service.</param>
    /// <param name="UnderRepair">Under repair.</param>
    /// <param name="Retired">Retired.</param>
    public sealed record StatusCounts(int Total, int InService, int UnderRepair, int Retired);

    /// <summary>Open tickets of one severity.</summary>
    /// <param name="Severity">Severity.</param>
    /// <param name="Open">Tickets not resolved.</param>
    /// <param name="UnderRepair">Of which under repair.</param>
    /// <param name="OldestReportedAt">Report time of the oldest (null when none).</param>
    /// <param name="OldestAgeHours">Age of the oldest in hours (0 when none).</param>
    /// <param name="AverageAgeHours">Mean age in hours (0 when none).</param>
    public sealed record SeverityLine(FaultSeverity Severity, int Open, int UnderRepair, DateTimeOffset? OldestReportedAt, decimal OldestAgeHours, decimal AverageAgeHours);

    /// <summary>Maintenance due and overdue.</summary>
    /// <param name="Due">Due today or within 14 days.</param>
    /// <param name="Overdue">Due day passed.</param>
    public sealed record MaintenanceCounts(int Due, int Overdue);

    /// <summary>Figures of a group of devices (a kind or a location).</summary>
    /// <param name="Key">The kind or the location.</param>
    /// <param name="Devices">Devices by status.</param>
    /// <param name="OpenTickets">Tickets not resolved.</param>
    /// <param name="Maintenance">Maintenance due and overdue.</param>
    /// <param name="Reliability">Downtime, repair cost, MTTR and MTBF over the group's failures.</param>
    public sealed record Group(string Key, StatusCounts Devices, int OpenTickets, MaintenanceCounts Maintenance, ReliabilityView Reliability);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/equipment", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await LoadAsync(session, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetEquipmentDashboard")
            .WithSummary("Equipment dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>The dashboard of the session's tenant at <paramref name="now"/> (the API route and the console read it here).</summary>
    internal static async Task<Dashboard> LoadAsync(IQuerySession session, DateTimeOffset now, CancellationToken cancellation)
        => From(await session.Query<EquipmentDashboardItem>().ToListAsync(cancellation).ConfigureAwait(false), now);

    internal static Dashboard From(IReadOnlyList<EquipmentDashboardItem> items, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var tickets = items.SelectMany(i => i.OpenTickets).ToList();
        var severities = Enum.GetValues<FaultSeverity>().Reverse().Select(severity =>
        {
            var open = tickets.Where(t => t.Severity == severity).ToList();
            var ages = open.Select(t => ListFaultTicketsEndpoint.AgeHours(t.ReportedAt, now)).ToList();
            return new SeverityLine(severity, open.Count, open.Count(t => t.Status == TicketStatus.UnderRepair),
                open.Count == 0 ? null : open.Min(t => t.ReportedAt),
                ages.Count == 0 ? 0m : ages.Max(), ages.Count == 0 ? 0m : decimal.Round(ages.Average(), 2));
        }).ToList();
        var byKind = items.GroupBy(i => i.Kind.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => GroupOf(g.Key, [.. g], today)).ToList();
        var byLocation = items.GroupBy(i => i.Location).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => GroupOf(g.Key, [.. g], today)).ToList();
        return new Dashboard(now, items.Max(i => i.UpdatedAt), Counts(items), severities, Maintenance(items, today),
            items.Sum(i => i.RefusedReplacements), byKind, byLocation);
    }

    private static Group GroupOf(string key, IReadOnlyList<EquipmentDashboardItem> items, DateOnly today)
        => new(key, Counts(items), items.Sum(i => i.OpenTickets.Count), Maintenance(items, today),
            ReliabilityView.From(Reliability.Sum(items.Select(i => i.Reliability))));

    private static StatusCounts Counts(IReadOnlyList<EquipmentDashboardItem> items)
        => new(items.Count, items.Count(i => i.Status == DeviceStatus.InService), items.Count(i => i.Status == DeviceStatus.UnderRepair),
            items.Count(i => i.Status == DeviceStatus.Retired));

    private static MaintenanceCounts Maintenance(IReadOnlyList<EquipmentDashboardItem> items, DateOnly today)
    {
        var statuses = items.Select(i => MaintenanceDue.StatusOf(i.NextMaintenanceDue, today)).ToList();
        return new MaintenanceCounts(statuses.Count(s => s == MaintenanceStatus.Due), statuses.Count(s => s == MaintenanceStatus.Overdue));
    }
}
