using System.Linq.Expressions;
using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Intranet;
using BackOffice.Projections.Intranet;
using BackOffice.Projections.People;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Intranet;

/// <summary>
/// Who reads an inbox: the caller's user name, the roles they hold (admin holds every role), and — when their user
/// name is linked to an employee employed today (<see cref="EmployeeDirectory.OfUserAsync"/>) — that employee, their
/// department and all staff.
/// </summary>
public static class InboxReaders
{
    /// <summary>The caller as an inbox reader.</summary>
    public static async Task<InboxReader> CallerAsync(IQuerySession session, RequestContext request, DateOnly today, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var employee = await EmployeeDirectory.OfUserAsync(session, request.User, cancellation).ConfigureAwait(false);
        IEnumerable<string> roles = request.Holds(Roles.Admin) ? Roles.All : request.Roles;
        return employee is not null && employee.IsEmployedOn(today)
            ? InboxReader.For(request.User, roles, employee.Id, employee.DepartmentId)
            : InboxReader.For(request.User, roles, null, null);
    }

    /// <summary>The items addressed to one of <paramref name="reader"/>'s keys and not done for everyone (the rest of <see cref="InboxItem.ShownTo"/> is applied in memory).</summary>
    public static async Task<IReadOnlyList<InboxItem>> AddressedAsync(IQuerySession session, InboxReader reader, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var x = Expression.Parameter(typeof(InboxItem), "x");
        var to = Expression.Property(x, nameof(InboxItem.To));
        Expression? addressed = null;
        foreach (var key in reader.Keys)
        {
            Expression contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], to, Expression.Constant(key));
            addressed = addressed is null ? contains : Expression.OrElse(addressed, contains);
        }
        var notDone = Expression.Not(Expression.Property(x, nameof(InboxItem.Done)));
        var filter = Expression.Lambda<Func<InboxItem, bool>>(Expression.AndAlso(notDone, addressed ?? Expression.Constant(false)), x);
        return await session.Query<InboxItem>().Where(filter).ToListAsync(cancellation).ConfigureAwait(false);
    }
}

/// <summary>
/// <c>GET /api/inbox?unread=</c> and <c>POST /api/inbox/{id}/read</c> (every role but auditor): the caller's own inbox
/// only — the items addressed to their user name, their roles, their employee, their department or all staff
/// (ADR 17) — newest first, with the caller's read marks.
/// </summary>
public static class InboxEndpoints
{
    /// <summary>One inbox item.</summary>
    /// <param name="Id">Item id.</param>
    /// <param name="At">When it last changed.</param>
    /// <param name="Kind">reorder-awaiting-approval, interview-scheduled, feedback-due, training-due, training-overdue,
    /// correspondence-routed, reply-overdue, support-request-updated, notice-to-acknowledge, journal-entry-awaiting-approval
    /// or maintenance-due.</param>
    /// <param name="Title">What to do.</param>
    /// <param name="Link">The API path of the thing to act on.</param>
    /// <param name="Read">Whether the caller marked it read since it last changed.</param>
    public sealed record Item(Guid Id, DateTimeOffset At, string Kind, string Title, string Link, bool Read);

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inbox", async ([FromQuery] bool? unread, [AsParameters] PageQuery paging, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                var (page, size) = paging.Resolve();
                var now = time.GetUtcNow();
                await using var session = store.QuerySession(request);
                var reader = await InboxReaders.CallerAsync(session, request, NoticeAudiences.Today(time), http.RequestAborted).ConfigureAwait(false);
                var addressed = await InboxReaders.AddressedAsync(session, reader, http.RequestAborted).ConfigureAwait(false);
                var inbox = await session.LoadAsync<Inbox>(Inbox.IdFor(request.User), http.RequestAborted).ConfigureAwait(false) ?? Inbox.Empty(request.User);
                var items = addressed.Where(i => i.ShownTo(reader, now))
                    .Select(i => new Item(i.Id, i.At, i.Kind, i.Title, i.Link, inbox.IsRead(i.Id, i.At)))
                    .Where(i => unread is not true || !i.Read)
                    .OrderByDescending(i => i.At).ThenBy(i => i.Id)
                    .ToList();
                return TypedResults.Ok(new Page<Item>([.. items.Skip((page - 1) * size).Take(size)], page, size, items.Count));
            })
            .RequireAuthorization(Roles.Staff)
            .WithName("GetInbox")
            .WithSummary("The caller's inbox, newest first")
            .WithDescription("Only the caller's own items: those addressed to their user name, to a role they hold, or (through the employee linked to "
                + "their user name) to them, their department or all staff. unread=true leaves out the items read since they last changed. "
                + "An item leaves the inbox once it is no longer to act on (a reorder approved, a notice acknowledged…).")
            .Produces<Page<Item>>()
            .ProducesReadProblems();

        app.MapPost("/api/inbox/{id:guid}/read", (Guid id, CommandExecutor executor, RequestContext request, TimeProvider time, HttpContext http) =>
                executor.ExecuteOrStart<Inbox>(Inbox.IdFor(request.User), async session =>
                    {
                        var reader = await InboxReaders.CallerAsync(session, request, NoticeAudiences.Today(time), http.RequestAborted).ConfigureAwait(false);
                        var item = await session.LoadAsync<InboxItem>(id, http.RequestAborted).ConfigureAwait(false);
                        // Another user's item, or one that left the inbox: as unknown (an inbox is never shown to anyone else).
                        if (item is null || !item.ShownTo(reader, time.GetUtcNow())) throw DomainException.NotFound($"Inbox item {id}");
                        var inbox = await session.LoadAsync<Inbox>(Inbox.IdFor(request.User), http.RequestAborted).ConfigureAwait(false)
                            ?? Inbox.Empty(request.User);
                        return [.. inbox.MarkRead(new MarkInboxItemRead(id, item.At), request.Decision(time))];
                    },
                    result => TypedResults.Ok(new CommandResponse(id, result.Version))))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.Staff)
            .WithName("MarkInboxItemRead")
            .WithSummary("Mark an item of one's inbox read")
            .WithDescription("The answer's id is the item's; its version (and ETag) is the caller's inbox's (the stream of their read marks). "
                + "Marking an item read again records nothing. 404 for an item the caller's inbox does not show.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
