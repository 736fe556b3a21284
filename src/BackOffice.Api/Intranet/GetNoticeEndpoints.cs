using BackOffice.Api.Identity;
using BackOffice.Domain.Intranet;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Intranet;

/// <summary>
/// <c>GET /api/notices/{id}</c>, <c>GET /api/notices?active=</c> and <c>GET /api/notices/{id}/acknowledgements</c>: a
/// user sees the notices addressed to their employee; hr, manager and auditor see all, and the compliance view.
/// </summary>
public static class GetNoticeEndpoints
{
    /// <summary>A notice.</summary>
    /// <param name="Id">Notice id.</param>
    /// <param name="Title">Title.</param>
    /// <param name="Body">Text.</param>
    /// <param name="Audience">Who it addresses.</param>
    /// <param name="Revision">Current revision.</param>
    /// <param name="RequiresAcknowledgement">Whether addressees must acknowledge it.</param>
    /// <param name="EffectiveOn">First day it applies.</param>
    /// <param name="ExpiresOn">Last day it applies.</param>
    /// <param name="Status">Published, Withdrawn or Expired (today).</param>
    /// <param name="Acknowledged">Addressees who acknowledged the current revision.</param>
    /// <param name="Pending">Addressees who have not (0 when no acknowledgement is asked).</param>
    /// <param name="AcknowledgedByMe">Whether the caller's employee acknowledged the current revision.</param>
    /// <param name="Version">Stream version.</param>
    public sealed record NoticeView(Guid Id, string Title, string Body, AudienceView Audience, int Revision, bool RequiresAcknowledgement,
        DateOnly EffectiveOn, DateOnly? ExpiresOn, NoticeStatus Status, int Acknowledged, int Pending, bool AcknowledgedByMe, long Version);

    /// <summary>The audience.</summary>
    public sealed record AudienceView(bool AllStaff, IReadOnlyList<Guid> DepartmentIds);

    /// <summary>One line of the notice list.</summary>
    public sealed record Item(Guid Id, string Title, AudienceView Audience, int Revision, bool RequiresAcknowledgement, DateOnly EffectiveOn,
        DateOnly? ExpiresOn, NoticeStatus Status, DateTimeOffset PublishedAt);

    /// <summary>The compliance view of the current revision.</summary>
    /// <param name="Revision">The revision.</param>
    /// <param name="Acknowledged">Who acknowledged it, and when.</param>
    /// <param name="Pending">Addressees who have not, with their department.</param>
    /// <param name="ByDepartment">Per department: acknowledged and pending counts.</param>
    public sealed record Acknowledgements(int Revision, IReadOnlyList<AcknowledgedBy> Acknowledged, IReadOnlyList<PendingBy> Pending,
        IReadOnlyList<DepartmentCompliance> ByDepartment);

    /// <summary>An acknowledgement.</summary>
    public sealed record AcknowledgedBy(Guid EmployeeId, DateTimeOffset At);

    /// <summary>An addressee who has not acknowledged.</summary>
    public sealed record PendingBy(Guid EmployeeId, Guid DepartmentId);

    /// <summary>Acknowledgements of one department.</summary>
    public sealed record DepartmentCompliance(Guid DepartmentId, int Acknowledged, int Pending);

    private static bool SeesAll(RequestContext request) => request.Holds(Roles.Hr) || request.Holds(Roles.Manager) || request.Holds(Roles.Auditor);

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notices/{id:guid}", async (Guid id, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Notice>(session, id, null, Notice.Evolve, http.RequestAborted).ConfigureAwait(false);
                var today = NoticeAudiences.Today(time);
                var caller = await NoticeAudiences.CallerAsync(session, request.User, today, http.RequestAborted).ConfigureAwait(false);
                if (found is null || (!SeesAll(request) && (caller is null || !found.State.Audience.Includes(caller.DepartmentId))))
                    return Snapshots.NotFound("Notice", id, null);
                var n = found.State;
                var addressees = await NoticeAudiences.AddresseesAsync(session, n.Audience, today, http.RequestAborted).ConfigureAwait(false);
                var acknowledged = addressees.Count(e => n.AcknowledgedBy(e.Id));
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return Results.Ok(new NoticeView(n.Id, n.Title, n.Body, new AudienceView(n.Audience.AllStaff, n.Audience.DepartmentIds), n.Revision,
                    n.RequiresAcknowledgement, n.EffectiveOn, n.ExpiresOn, n.StatusOn(today), acknowledged,
                    n.RequiresAcknowledgement ? addressees.Count - acknowledged : 0, caller is not null && n.AcknowledgedBy(caller.EmployeeId), found.Version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetNotice")
            .WithSummary("Get a notice (addressees; hr, manager and auditor see every notice)")
            .Produces<NoticeView>()
            .ProducesReadProblems();

        app.MapGet("/api/notices", async ([FromQuery] bool? active, [AsParameters] PageQuery paging, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                var (page, size) = paging.Resolve();
                await using var session = store.QuerySession(request);
                var today = NoticeAudiences.Today(time);
                var caller = await NoticeAudiences.CallerAsync(session, request.User, today, http.RequestAborted).ConfigureAwait(false);
                var all = await session.Query<Notice>().OrderByDescending(n => n.PublishedAt).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var visible = all.Where(n => SeesAll(request) || (caller is not null && n.Audience.Includes(caller.DepartmentId)))
                    .Where(n => active is null || n.IsActiveOn(today) == active.Value)
                    .ToList();
                var items = visible.Skip((page - 1) * size).Take(size)
                    .Select(n => new Item(n.Id, n.Title, new AudienceView(n.Audience.AllStaff, n.Audience.DepartmentIds), n.Revision, n.RequiresAcknowledgement,
                        n.EffectiveOn, n.ExpiresOn, n.StatusOn(today), n.PublishedAt))
                    .ToList();
                return TypedResults.Ok(new Page<Item>(items, page, size, visible.Count));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListNotices")
            .WithSummary("List notices (a user sees those addressed to them; hr, manager and auditor see all), latest first")
            .WithDescription("active=true: published, effective and not expired today; active=false: the others.")
            .Produces<Page<Item>>()
            .ProducesReadProblems();

        app.MapGet("/api/notices/{id:guid}/acknowledgements", async (Guid id, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var notice = await session.LoadAsync<Notice>(id, http.RequestAborted).ConfigureAwait(false);
                if (notice is null) return Snapshots.NotFound("Notice", id, null);
                var addressees = await NoticeAudiences.AddresseesAsync(session, notice.Audience, NoticeAudiences.Today(time), http.RequestAborted).ConfigureAwait(false);
                var current = notice.CurrentAcknowledgements.GroupBy(a => a.EmployeeId).ToDictionary(g => g.Key, g => g.Min(a => a.At));
                var acknowledged = current.OrderBy(a => a.Value).Select(a => new AcknowledgedBy(a.Key, a.Value)).ToList();
                var pending = addressees.Where(e => !current.ContainsKey(e.Id)).Select(e => new PendingBy(e.Id, e.DepartmentId)).ToList();
                var byDepartment = addressees.GroupBy(e => e.DepartmentId).OrderBy(g => g.Key)
                    .Select(g => new DepartmentCompliance(g.Key, g.Count(e => current.ContainsKey(e.Id)), g.Count(e => !current.ContainsKey(e.Id)))).ToList();
                return Results.Ok(new Acknowledgements(notice.Revision, acknowledged, pending, byDepartment));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("GetNoticeAcknowledgements")
            .WithSummary("Who has and has not acknowledged the current revision, by department (hr, manager, auditor)")
            .Produces<Acknowledgements>()
            .ProducesReadProblems();
    }
}
