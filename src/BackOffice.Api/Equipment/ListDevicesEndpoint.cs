using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Equipment;

/// <summary><c>GET /api/devices?kind=&amp;status=&amp;page=&amp;pageSize=</c>: the device register, ordered by asset tag.</summary>
public static class ListDevicesEndpoint
{
    /// <summary>One line of the register.</summary>
    /// <param name="Id">Device id.</param>
    /// <param name="AssetTag">Asset tag.</param>
    /// <param name="Kind">Kind.</param>
    /// <param name="Make">Manufacturer.</param>
    /// <param name="Model">Model.</param>
    /// <param name="Location">Location.</param>
    /// <param name="Status">InService, UnderRepair or Retired.</param>
    /// <param name="AssignedTo">Assignee, or null.</param>
    /// <param name="OpenTickets">Tickets not resolved.</param>
    /// <param name="NextMaintenanceDue">Next maintenance due day.</param>
    public sealed record Item(Guid Id, string AssetTag, DeviceKind Kind, string Make, string Model, string Location, DeviceStatus Status,
        AssigneeView? AssignedTo, int OpenTickets, DateOnly? NextMaintenanceDue);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/devices", async ([FromQuery] string? kind, [FromQuery] string? status, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                var wantedKind = QueryParameters.OneOf(kind, "kind", QueryParameters.Names<DeviceKind>());
                var wantedStatus = QueryParameters.OneOf(status, "status", QueryParameters.Names<DeviceStatus>());
                paging.Resolve();
                await using var session = store.QuerySession(request);
                IQueryable<Device> query = session.Query<Device>();
                if (wantedKind is { } k) query = query.Where(x => x.Kind == k);
                if (wantedStatus is { } s) query = query.Where(x => x.Status == s);
                var page = await query.OrderBy(x => x.AssetTag).ToPageAsync(paging,
                    x => new Item(x.Id, x.AssetTag, x.Kind, x.Make, x.Model, x.Location, x.Status,
                        x.AssignedTo is { } a ? new AssigneeView(a.EmployeeId, a.DepartmentId) : null, x.OpenTickets, x.NextMaintenanceDue),
                    http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListDevices")
            .WithSummary("List devices")
            .WithDescription("kind: Copier, Printer, Fax, Scanner, Computer, Phone or Other; status: InService, UnderRepair or Retired; page ≥ 1, pageSize 1–200 (default 50).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
