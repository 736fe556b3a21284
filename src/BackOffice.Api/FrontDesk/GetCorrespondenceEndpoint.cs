using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.FrontDesk;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>GET /api/correspondence/{id}[?asOf=instant]</c>: an item of the register (from the inline snapshot) with its
/// correspondent, subject line and message joined from the personal-data store at read time. A confidential item
/// shows those (and its subjectId) only to its addressee (the linked employee, or a member of the addressed
/// department), hr and admin: for everyone else they are null and <c>detailsHidden</c> is true. After erasure they
/// are null and <c>personalDataErased</c> is true; the register number and every date stay.
/// </summary>
public static class GetCorrespondenceEndpoint
{
    /// <summary>An item of the correspondence register.</summary>
    /// <param name="Id">Item id.</param>
    /// <param name="RegisterNumber">Register number, <c>YYYY-NNNNNN</c>.</param>
    /// <param name="Direction">Inbound or Outbound.</param>
    /// <param name="Channel">Mail, Fax, Email, Phone or Courier.</param>
    /// <param name="Subject">Subject line (null when hidden or erased).</param>
    /// <param name="Correspondent">Who it is from or to (null when hidden or erased).</param>
    /// <param name="Message">A caller's message (phone; null when none, hidden or erased).</param>
    /// <param name="CallbackRequested">The caller wants a call back.</param>
    /// <param name="OccurredAt">When it was received or sent.</param>
    /// <param name="RegisteredAt">When it was registered.</param>
    /// <param name="DocumentRef">The document's own reference.</param>
    /// <param name="Confidential">Confidential item.</param>
    /// <param name="Status">Registered, Routed, Acknowledged, Replied or Closed.</param>
    /// <param name="Addressee">Who it is routed to, once routed.</param>
    /// <param name="AcknowledgedAt">When the addressee acknowledged it.</param>
    /// <param name="AcknowledgedBy">Who acknowledged it.</param>
    /// <param name="ReplyDueOn">Reply due by this day.</param>
    /// <param name="ReplyOverdue">Inbound, unanswered, not closed, past replyDueOn.</param>
    /// <param name="InReplyTo">The inbound item this outbound item answers.</param>
    /// <param name="AnsweredBy">The outbound item that answered this one.</param>
    /// <param name="RepliedAt">When that answer was sent.</param>
    /// <param name="FilingCode">Where it was filed, once closed.</param>
    /// <param name="SubjectId">The correspondent in the personal-data store (null when hidden).</param>
    /// <param name="DetailsHidden">True when subject, correspondent and message are withheld from the caller (confidential).</param>
    /// <param name="PersonalDataErased">Whether the correspondent's data was erased.</param>
    /// <param name="Version">Stream version.</param>
    public sealed record CorrespondenceView(
        Guid Id, string RegisterNumber, CorrespondenceDirection Direction, CorrespondenceChannel Channel, string? Subject,
        CorrespondentView? Correspondent, string? Message, bool CallbackRequested, DateTimeOffset OccurredAt, DateTimeOffset RegisteredAt,
        string? DocumentRef, bool Confidential, CorrespondenceStatus Status, AddresseeView? Addressee, DateTimeOffset? AcknowledgedAt,
        string? AcknowledgedBy, DateOnly? ReplyDueOn, bool ReplyOverdue, Guid? InReplyTo, Guid? AnsweredBy, DateTimeOffset? RepliedAt,
        string? FilingCode, Guid? SubjectId, bool DetailsHidden, bool PersonalDataErased, long Version);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/correspondence/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request,
                IEmployeeDirectory directory, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Correspondence>(session, id, asOf, Correspondence.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Correspondence", id, asOf);
                var reader = await CorrespondenceReaders.OfAsync(directory, session, request, http.RequestAborted).ConfigureAwait(false);
                var shown = found.State.ShowsDetailsTo(reader);
                var held = shown
                    ? await PersonalValues.OfAsync(session, found.State.SubjectId, http.RequestAborted).ConfigureAwait(false)
                    : new PersonalValues.Held(new Dictionary<string, string?>(), false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(From(found.State, found.Version, held, shown, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetCorrespondence")
            .WithSummary("Get an item of the correspondence register, now or as of an instant")
            .Produces<CorrespondenceView>()
            .ProducesReadProblems();

    internal static CorrespondenceView From(Correspondence c, long version, PersonalValues.Held held, bool shown, DateOnly today) => new(
        c.Id, c.RegisterNumber, c.Direction, c.Channel,
        shown ? held[CorrespondenceFields.Subject(c.Id)] : null,
        CorrespondenceReaders.Correspondent(held, shown),
        shown ? held[CorrespondenceFields.Message(c.Id)] : null,
        c.CallbackRequested, c.OccurredAt, c.RegisteredAt, c.DocumentRef, c.Confidential, c.Status, AddresseeView.Of(c.Addressee),
        c.AcknowledgedAt, c.AcknowledgedBy, c.ReplyDueOn, c.ReplyOverdueOn(today), c.InReplyTo, c.AnsweredBy, c.RepliedAt, c.FilingCode,
        shown ? c.SubjectId : null, !shown, shown && held.Erased, version);
}
