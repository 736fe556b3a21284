using BackOffice.Api.Identity;
using BackOffice.Domain.Equipment;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Equipment;

/// <summary><c>GET /api/devices/{id}[?asOf=instant]</c>: the device now, or as it was at a past instant.</summary>
public static class GetDeviceEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/devices/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                if (await Snapshots.LoadAsync<Device>(session, id, asOf, Device.Evolve, http.RequestAborted).ConfigureAwait(false) is not { } found)
                    return Snapshots.NotFound("Device", id, asOf);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                var today = DateOnly.FromDateTime((asOf ?? time.GetUtcNow()).UtcDateTime);
                return TypedResults.Ok(DeviceView.From(found.State, found.Version, today));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetDevice")
            .WithSummary("Get a device, now or as of an instant")
            .WithDescription("With asOf (ISO 8601 instant) the state at that instant; 404 before the device existed.")
            .Produces<DeviceView>()
            .ProducesReadProblems();
}
