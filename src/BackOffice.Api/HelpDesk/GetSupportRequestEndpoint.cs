using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.HelpDesk;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// <c>GET /api/support-requests/{id}[?asOf=instant]</c>: the request from its inline snapshot, with its free text
/// (description, comments, resolution) joined from the requester's personal data at read time; after erasure those
/// are null and <c>personalDataErased</c> is true.
/// </summary>
public static class GetSupportRequestEndpoint
{
    /// <summary>A support request.</summary>
    /// <param name="Id">Request id.</param>
    /// <param name="Requester">The requester's user name.</param>
    /// <param name="SubjectId">The requester's subject in the personal-data store (for subject access and erasure).</param>
    /// <param name="Category">Category.</param>
    /// <param name="Priority">Priority.</param>
    /// <param name="Summary">One line.</param>
    /// <param name="Description">What happened (null once erased).</param>
    /// <param name="DeviceId">The device concerned.</param>
    /// <param name="Status">Open, Assigned, WaitingOnRequester, Resolved or Closed.</param>
    /// <param name="Assignee">The agent who has it.</param>
    /// <param name="OpenedAt">When it was opened.</param>
    /// <param name="FirstResponseDueAt">When the first response is (or was) due.</param>
    /// <param name="ResolutionDueAt">When the resolution is due (while waiting on the requester, as if they answered now).</param>
    /// <param name="SlaBreached">The breaches recorded.</param>
    /// <param name="Resolution">The latest resolution (null before one, or once erased).</param>
    /// <param name="ReopenableUntil">While resolved: until when the requester may reopen it.</param>
    /// <param name="DeviceTicketId">The fault ticket it was escalated to (null: not escalated).</param>
    /// <param name="Comments">Comments, oldest first (text null once erased).</param>
    /// <param name="PersonalDataErased">Whether the requester's personal data was erased.</param>
    /// <param name="Version">Stream version.</param>
    public sealed record SupportRequestView(
        Guid Id, string Requester, Guid SubjectId, SupportCategory Category, SupportPriority Priority, string Summary, string? Description,
        Guid? DeviceId, SupportRequestStatus Status, string? Assignee, DateTimeOffset OpenedAt, DateTimeOffset FirstResponseDueAt,
        DateTimeOffset ResolutionDueAt, SlaBreaches SlaBreached, string? Resolution, DateTimeOffset? ReopenableUntil, Guid? DeviceTicketId,
        IReadOnlyList<CommentView> Comments, bool PersonalDataErased, long Version);

    /// <summary>Which deadlines were breached.</summary>
    /// <param name="FirstResponse">The first response came late (or not at all).</param>
    /// <param name="Resolution">The resolution came late (or not at all).</param>
    public sealed record SlaBreaches(bool FirstResponse, bool Resolution);

    /// <summary>A comment.</summary>
    /// <param name="At">When.</param>
    /// <param name="By">Who wrote it.</param>
    /// <param name="Text">The text (null once erased).</param>
    /// <param name="WaitingOnRequester">Whether it put the request waiting on its requester.</param>
    public sealed record CommentView(DateTimeOffset At, string By, string? Text, bool WaitingOnRequester);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/support-requests/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<SupportRequest>(session, id, asOf, SupportRequest.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Support request", id, asOf);
                var held = await PersonalValues.OfAsync(session, found.State.SubjectId, http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(From(found.State, found.Version, held, asOf ?? time.GetUtcNow()));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetSupportRequest")
            .WithSummary("Get a support request, now or as of an instant")
            .Produces<SupportRequestView>()
            .ProducesReadProblems();

    internal static SupportRequestView From(SupportRequest r, long version, PersonalValues.Held held, DateTimeOffset now) => new(
        r.Id, r.Requester, r.SubjectId, r.Category, r.Priority, r.Summary, held[HelpDeskFields.Description(r.Id)], r.DeviceId, r.Status, r.Assignee,
        r.OpenedAt, r.FirstResponseDueAt, r.ResolutionDueAtAsOf(now), new SlaBreaches(r.FirstResponseBreached, r.ResolutionBreached),
        r.ResolvedAt is null ? null : held[HelpDeskFields.Resolution(r.Id)], r.ReopenableUntil, r.DeviceTicketId,
        [.. r.Comments.Select(c => new CommentView(c.At, c.By, held[HelpDeskFields.Comment(r.Id, c.CommentId)], c.WaitingOnRequester))],
        held.Erased, version);
}
