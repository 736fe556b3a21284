using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Equipment;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>GET /api/devices/maintenance-due?withinDays=14&amp;status=&amp;page=&amp;pageSize=</c>: devices whose preventive
/// maintenance is overdue or due within <c>withinDays</c> days (0–365, default 14), the earliest due first.
/// </summary>
public static class ListMaintenanceDueEndpoint
{
    /// <summary>A device due for maintenance.</summary>
    /// <param name="DeviceId">Device id.</param>
    /// <param name="AssetTag">Asset tag.</param>
    /// <param name="Kind">Kind.</param>
    /// <param name="Location">Location.</param>
    /// <param name="NextMaintenanceDue">The due day.</param>
    /// <param name="MaintenanceEveryDays">Interval.</param>
    /// <param name="LastMaintainedOn">Latest maintenance day.</param>
    /// <param name="MaintenanceStatus">Due or Overdue.</param>
    /// <param name="DaysOverdue">Days past the due day (0 when not overdue).</param>
    public sealed record Item(Guid DeviceId, string AssetTag, DeviceKind Kind, string Location, DateOnly NextMaintenanceDue, int? MaintenanceEveryDays,
        DateOnly? LastMaintainedOn, MaintenanceStatus MaintenanceStatus, int DaysOverdue);

    private static readonly Dictionary<string, MaintenanceStatus> Statuses = new(StringComparer.Ordinal)
    {
        [nameof(MaintenanceStatus.Due)] = MaintenanceStatus.Due,
        [nameof(MaintenanceStatus.Overdue)] = MaintenanceStatus.Overdue,
    };

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/devices/maintenance-due", async ([FromQuery] int? withinDays, [FromQuery] string? status, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                var window = withinDays ?? MaintenanceDue.DefaultWindowDays;
                if (window is < 0 or > 365) throw DomainException.Invalid("withinDays", "'withinDays' must be between 0 and 365.");
                var wanted = QueryParameters.OneOf(status, "status", Statuses);
                paging.Resolve();
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                DateOnly? until = wanted == MaintenanceStatus.Overdue ? today.AddDays(-1) : today.AddDays(window);
                DateOnly? from = wanted == MaintenanceStatus.Due ? today : null;
                await using var session = store.QuerySession(request);
                IQueryable<Device> query = session.Query<Device>().Where(x => x.NextMaintenanceDue != null && x.NextMaintenanceDue <= until);
                if (from is not null) query = query.Where(x => x.NextMaintenanceDue >= from);
                var page = await query.OrderBy(x => x.NextMaintenanceDue).ThenBy(x => x.AssetTag).ToPageAsync(paging,
                    x => new Item(x.Id, x.AssetTag, x.Kind, x.Location, x.NextMaintenanceDue!.Value, x.MaintenanceEveryDays, x.LastMaintainedOn,
                        x.MaintenanceOn(today, window), Math.Max(0, today.DayNumber - x.NextMaintenanceDue!.Value.DayNumber)),
                    http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListMaintenanceDue")
            .WithSummary("Devices due or overdue for maintenance")
            .WithDescription("withinDays: 0–365 (default 14); status: Due (today to today + withinDays) or Overdue (before today); default both.")
            .Produces<Page<ListMaintenanceDueEndpoint.Item>>()
            .ProducesReadProblems();
}
