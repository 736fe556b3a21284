using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using BackOffice.Projections.Equipment;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>GET /api/fault-tickets?status=&amp;severity=&amp;deviceId=&amp;page=&amp;pageSize=</c>: fault tickets across devices, the
/// most severe first, then the oldest first. Without <c>status</c>: the open ones (Open and UnderRepair).
/// </summary>
public static class ListFaultTicketsEndpoint
{
    /// <summary>One ticket with its age.</summary>
    /// <param name="TicketId">Ticket id.</param>
    /// <param name="DeviceId">Device.</param>
    /// <param name="AssetTag">Device's asset tag.</param>
    /// <param name="Kind">Device's kind.</param>
    /// <param name="Symptom">What goes wrong.</param>
    /// <param name="Severity">Low, Medium, High or Critical.</param>
    /// <param name="Status">Open, UnderRepair or Resolved.</param>
    /// <param name="ReportedBy">Reporting user.</param>
    /// <param name="ReportedAt">When reported.</param>
    /// <param name="AgeHours">Hours from report to resolution, or to now while open (2 decimals).</param>
    /// <param name="TroubleshootingSteps">Troubleshooting records.</param>
    /// <param name="Technician">Who repairs, once escalated.</param>
    /// <param name="Vendor">Repairer.</param>
    /// <param name="Cost">Repair cost (money).</param>
    /// <param name="ScheduledAt">When the technician is expected.</param>
    /// <param name="Resolution">What resolved it.</param>
    /// <param name="ResolvedAt">When resolved.</param>
    /// <param name="SupportRequestId">The help-desk support request escalated to this ticket (null: reported directly).</param>
    public sealed record Item(
        Guid TicketId, Guid DeviceId, string AssetTag, DeviceKind Kind, string Symptom, FaultSeverity Severity, TicketStatus Status,
        string ReportedBy, DateTimeOffset ReportedAt, decimal AgeHours, int TroubleshootingSteps, RepairTechnician? Technician, string? Vendor,
        decimal? Cost, DateTimeOffset? ScheduledAt, string? Resolution, DateTimeOffset? ResolvedAt, Guid? SupportRequestId);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/fault-tickets", async ([FromQuery] string? status, [FromQuery] string? severity, [FromQuery] Guid? deviceId,
                [AsParameters] PageQuery paging, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                var wantedStatus = QueryParameters.OneOf(status, "status", QueryParameters.Names<TicketStatus>());
                var wantedSeverity = QueryParameters.OneOf(severity, "severity", QueryParameters.Names<FaultSeverity>());
                paging.Resolve();
                var now = time.GetUtcNow();
                await using var session = store.QuerySession(request);
                IQueryable<FaultTicketView> query = session.Query<FaultTicketView>();
                query = wantedStatus is { } s ? query.Where(x => x.Status == s) : query.Where(x => x.Status != TicketStatus.Resolved);
                if (wantedSeverity is { } v) query = query.Where(x => x.Severity == v);
                if (deviceId is { } device) query = query.Where(x => x.DeviceId == device);
                var page = await query.OrderByDescending(x => x.SeverityRank).ThenBy(x => x.ReportedAt).ToPageAsync(paging,
                    x => new Item(x.Id, x.DeviceId, x.AssetTag, x.Kind, x.Symptom, x.Severity, x.Status, x.ReportedBy, x.ReportedAt,
                        AgeHours(x.ReportedAt, x.ResolvedAt ?? now), x.TroubleshootingSteps, x.Technician, x.Vendor, x.Cost, x.ScheduledAt, x.Resolution, x.ResolvedAt, x.SupportRequestId),
                    http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListFaultTickets")
            .WithSummary("Fault tickets by severity and age")
            .WithDescription("status: Open, UnderRepair or Resolved (default: Open and UnderRepair); severity: Low, Medium, High or Critical; deviceId. "
                + "Ordered by severity (Critical first), then age (oldest first).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();

    internal static decimal AgeHours(DateTimeOffset from, DateTimeOffset to)
        => to <= from ? 0m : decimal.Round((decimal)(to - from).Ticks / TimeSpan.TicksPerHour, 2);
}
