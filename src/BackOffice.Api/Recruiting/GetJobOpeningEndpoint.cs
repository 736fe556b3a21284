using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Recruiting;

/// <summary><c>GET /api/job-openings/{id}[?asOf=instant]</c>: the opening now, or at a past instant.</summary>
public static class GetJobOpeningEndpoint
{
    /// <summary>A job opening (<c>status</c>: <c>Open</c>, <c>Filled</c> or <c>Closed</c>).</summary>
    public sealed record JobOpeningView(
        Guid Id, string Title, Guid DepartmentId, string? HiringManager, int Positions, int Hired, JobOpeningStatus Status, long Version);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/job-openings/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<JobOpening>(session, id, asOf, JobOpening.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Job opening", id, asOf);
                var (o, version) = (found.State, found.Version);
                http.Response.Headers.ETag = ETags.Of(version);
                return TypedResults.Ok(new JobOpeningView(o.Id, o.Title, o.DepartmentId, o.HiringManager, o.Positions, o.Hired, o.Status, version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetJobOpening")
            .WithSummary("Get a job opening, now or as of an instant")
            .Produces<JobOpeningView>()
            .ProducesReadProblems();
}
