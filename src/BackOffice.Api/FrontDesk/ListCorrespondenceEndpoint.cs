using System.Linq.Expressions;
using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>GET /api/correspondence?direction=&amp;channel=&amp;status=&amp;employeeId=&amp;departmentId=&amp;from=&amp;to=&amp;overdue=&amp;page=&amp;pageSize=</c>:
/// the register, in register-number order (chronological), filtered. Confidential items are listed for everyone, with
/// subject and correspondent null for whoever is not their addressee, hr or admin.
/// </summary>
public static class ListCorrespondenceEndpoint
{
    /// <summary>One line of the register.</summary>
    /// <param name="Id">Item id.</param>
    /// <param name="RegisterNumber">Register number.</param>
    /// <param name="Direction">Inbound or Outbound.</param>
    /// <param name="Channel">Channel.</param>
    /// <param name="Subject">Subject line (null when hidden or erased).</param>
    /// <param name="Correspondent">Correspondent's name (null when hidden or erased).</param>
    /// <param name="OccurredAt">When it was received or sent.</param>
    /// <param name="Confidential">Confidential item.</param>
    /// <param name="Status">Status.</param>
    /// <param name="Addressee">Who it is routed to.</param>
    /// <param name="ReplyDueOn">Reply due by this day.</param>
    /// <param name="ReplyOverdue">Whether the reply is overdue today.</param>
    /// <param name="CallbackRequested">A caller wants a call back.</param>
    /// <param name="DetailsHidden">Subject and correspondent withheld from the caller.</param>
    /// <param name="PersonalDataErased">The correspondent's data was erased.</param>
    public sealed record Item(
        Guid Id, string RegisterNumber, CorrespondenceDirection Direction, CorrespondenceChannel Channel, string? Subject, string? Correspondent,
        DateTimeOffset OccurredAt, bool Confidential, CorrespondenceStatus Status, AddresseeView? Addressee, DateOnly? ReplyDueOn,
        bool ReplyOverdue, bool CallbackRequested, bool DetailsHidden, bool PersonalDataErased);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/correspondence", async ([FromQuery] string? direction, [FromQuery] string? channel, [FromQuery] string? status,
                [FromQuery] Guid? employeeId, [FromQuery] Guid? departmentId, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
                [FromQuery] bool? overdue, [AsParameters] PageQuery paging,
                IDocumentStore store, RequestContext request, IEmployeeDirectory directory, TimeProvider time, HttpContext http) =>
            {
                var wantedDirection = QueryParameters.OneOf(direction, "direction", QueryParameters.Names<CorrespondenceDirection>());
                var wantedChannel = QueryParameters.OneOf(channel, "channel", QueryParameters.Names<CorrespondenceChannel>());
                var wantedStatus = QueryParameters.OneOf(status, "status", QueryParameters.Names<CorrespondenceStatus>());
                if (from is not null && to is not null && to < from) throw Domain.Common.DomainException.Invalid("to", "'to' must not be before 'from'.");
                paging.Resolve();
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                await using var session = store.QuerySession(request);
                IQueryable<Correspondence> query = session.Query<Correspondence>();
                if (wantedDirection is { } d) query = query.Where(c => c.Direction == d);
                if (wantedChannel is { } ch) query = query.Where(c => c.Channel == ch);
                if (wantedStatus is { } s) query = query.Where(c => c.Status == s);
                if (employeeId is { } e) query = query.Where(c => c.Addressee!.EmployeeId == e);
                if (departmentId is { } dep) query = query.Where(c => c.Addressee!.DepartmentId == dep);
                if (from is { } f) query = query.Where(c => c.OccurredAt >= f);
                if (to is { } t) query = query.Where(c => c.OccurredAt < t);
                if (overdue is { } late)
                {
                    var rule = Correspondence.RepliesOverdueOn(today);
                    query = query.Where(late ? rule : Expression.Lambda<Func<Correspondence, bool>>(Expression.Not(rule.Body), rule.Parameters));
                }
                var page = await query.OrderBy(c => c.RegisterNumber).ToPageAsync(paging, c => c, http.RequestAborted).ConfigureAwait(false);
                var reader = await CorrespondenceReaders.OfAsync(directory, session, request, http.RequestAborted).ConfigureAwait(false);
                var shown = page.Items.Where(c => c.ShowsDetailsTo(reader)).Select(c => c.Id).ToHashSet();
                var held = await PersonalValues.OfAsync(session, page.Items.Where(c => shown.Contains(c.Id)).Select(c => c.SubjectId), http.RequestAborted)
                    .ConfigureAwait(false);
                var items = page.Items
                    .Select(c =>
                    {
                        var visible = shown.Contains(c.Id);
                        var values = visible ? held[c.SubjectId] : null;
                        return new Item(c.Id, c.RegisterNumber, c.Direction, c.Channel,
                            values?[CorrespondenceFields.Subject(c.Id)], values?[PersonalFields.Name], c.OccurredAt, c.Confidential, c.Status,
                            AddresseeView.Of(c.Addressee), c.ReplyDueOn, c.ReplyOverdueOn(today), c.CallbackRequested, !visible, values?.Erased ?? false);
                    }).ToList();
                return TypedResults.Ok(new Page<Item>(items, page.Number, page.PageSize, page.Total));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListCorrespondence")
            .WithSummary("The correspondence register, filtered")
            .WithDescription("direction: Inbound|Outbound; channel: Mail|Fax|Email|Phone|Courier; status: Registered|Routed|Acknowledged|Replied|Closed; " +
                "from ≤ occurredAt < to (instants); overdue=true: replies overdue only (false: the others); page ≥ 1, pageSize 1–200 (default 50). Register-number order.")
            .Produces<Page<Item>>()
            .ProducesReadProblems();
}
