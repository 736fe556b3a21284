using BackOffice.Domain.Equipment;
using BackOffice.Domain.FrontDesk;
using BackOffice.Domain.HelpDesk;
using BackOffice.Domain.Intranet;
using BackOffice.Domain.Inventory;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BackOffice.Projections.Intranet;

/// <summary>
/// Keeps the <see cref="InboxItem"/> documents from the events of every context (async: one writer, so items several
/// streams touch — a notice acknowledged by many — never lose an update). Each event names the items it concerns by
/// derived ids (<see cref="InboxItem.IdFor"/>); its effect on each is a pure function of the item and the event, with
/// the event's own timestamp: a rebuild from scratch gives the same documents. Addressees, per kind (ADR 17):
/// reorder and journal entry awaiting approval → role manager, never their requester or poster; interview and
/// feedback → the interviewers' user names; training → the employee; correspondence → the employee or department it
/// is routed to; support request → role it while nobody has it, the assignee, and the requester for support's
/// updates; notice → all staff or its departments, done per employee once acknowledged; maintenance → role it.
/// </summary>
public sealed class InboxItemProjection : MultiStreamProjection<InboxItem, Guid>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "InboxItems";

    private const string ItSlot = "it";
    private const string RequesterSlot = "requester";
    private const string AssigneeSlot = "assignee";

    /// <summary>Groups every event that makes, changes or removes an item by the ids of those items.</summary>
    public InboxItemProjection()
    {
        Name = ProjectionName;
        Identity<ReorderRaised>(e => Id(InboxKinds.ReorderAwaitingApproval, e.ReorderId));
        Identity<ReorderApproved>(e => Id(InboxKinds.ReorderAwaitingApproval, e.ReorderId));
        Identity<ReorderCancelled>(e => Id(InboxKinds.ReorderAwaitingApproval, e.ReorderId));

        Identities<InterviewScheduled>(e => Interview(e.InterviewId));
        Identities<InterviewRescheduled>(e => Interview(e.InterviewId));
        Identities<InterviewCancelled>(e => Interview(e.InterviewId));
        Identity<InterviewFeedbackRecorded>(e => Id(InboxKinds.FeedbackDue, e.InterviewId));

        Identities<TrainingAssigned>(e => Training(e.TrainingId));
        Identities<TrainingCompleted>(e => Training(e.TrainingId));

        Identities<CorrespondenceRegistered>(e => Correspondence(e.CorrespondenceId));
        Identities<CorrespondenceRouted>(e => Correspondence(e.CorrespondenceId));
        Identity<CorrespondenceAcknowledged>(e => Id(InboxKinds.CorrespondenceRouted, e.CorrespondenceId));
        Identity<CorrespondenceAnswered>(e => Id(InboxKinds.ReplyOverdue, e.CorrespondenceId));
        Identities<CorrespondenceClosed>(e => Correspondence(e.CorrespondenceId));

        Identities<SupportRequestOpened>(e => Support(e.SupportRequestId));
        Identities<SupportRequestAssigned>(e => Support(e.SupportRequestId));
        Identities<SupportRequestCommented>(e => Support(e.SupportRequestId));
        Identities<SupportRequestResolved>(e => Support(e.SupportRequestId));
        Identities<SupportRequestReopened>(e => Support(e.SupportRequestId));
        Identities<SupportRequestConfirmed>(e => Support(e.SupportRequestId));
        Identities<SupportRequestClosed>(e => Support(e.SupportRequestId));
        Identities<SupportRequestEscalated>(e => Support(e.SupportRequestId));

        Identity<NoticePublished>(e => Id(InboxKinds.NoticeToAcknowledge, e.NoticeId));
        Identity<NoticeRevised>(e => Id(InboxKinds.NoticeToAcknowledge, e.NoticeId));
        Identity<NoticeWithdrawn>(e => Id(InboxKinds.NoticeToAcknowledge, e.NoticeId));
        Identity<NoticeAcknowledged>(e => Id(InboxKinds.NoticeToAcknowledge, e.NoticeId));

        Identity<JournalEntryAwaitingApproval>(e => Id(InboxKinds.JournalEntryAwaitingApproval, e.EntryId));
        Identity<JournalEntryApproved>(e => Id(InboxKinds.JournalEntryAwaitingApproval, e.EntryId));

        Identity<DeviceRegistered>(e => Id(InboxKinds.MaintenanceDue, e.DeviceId));
        Identity<MaintenanceScheduled>(e => Id(InboxKinds.MaintenanceDue, e.DeviceId));
        Identity<MaintenancePerformed>(e => Id(InboxKinds.MaintenanceDue, e.DeviceId));
        Identity<DeviceRetired>(e => Id(InboxKinds.MaintenanceDue, e.DeviceId));
    }

    private static Guid Id(string kind, Guid source, string? slot = null) => InboxItem.IdFor(kind, source, slot);
    private static Guid[] Interview(Guid id) => [Id(InboxKinds.InterviewScheduled, id), Id(InboxKinds.FeedbackDue, id)];
    private static Guid[] Training(Guid id) => [Id(InboxKinds.TrainingDue, id), Id(InboxKinds.TrainingOverdue, id)];
    private static Guid[] Correspondence(Guid id) => [Id(InboxKinds.CorrespondenceRouted, id), Id(InboxKinds.ReplyOverdue, id)];
    private static Guid[] Support(Guid id) =>
    [
        Id(InboxKinds.SupportRequestUpdated, id, ItSlot), Id(InboxKinds.SupportRequestUpdated, id, RequesterSlot),
        Id(InboxKinds.SupportRequestUpdated, id, AssigneeSlot),
    ];

    /// <inheritdoc />
    public override ValueTask<InboxItem?> EvolveAsync(InboxItem? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(e);
        return ValueTask.FromResult(Apply(snapshot, id, e.Data, EventTime.Of(e)));
    }

    /// <summary>The item <paramref name="id"/> after <paramref name="data"/>, recorded at <paramref name="at"/> (null: no item).</summary>
    public static InboxItem? Apply(InboxItem? item, Guid id, object data, DateTimeOffset at) => data switch
    {
        ReorderRaised r => New(id, InboxKinds.ReorderAwaitingApproval, r.ReorderId, $"Reorder of {r.Quantity} units awaiting your approval",
            $"/api/supply-items/{r.SupplyItemId:D}", at, [InboxAddressees.Role("manager")]) with { NotFor = r.RequestedBy },
        ReorderApproved or ReorderCancelled => null,

        InterviewScheduled s => Interview(id, s.CandidateId, s.InterviewId, s.At, s.Interviewers, at),
        InterviewRescheduled r when item is not null => item.Kind == InboxKinds.InterviewScheduled
            ? item with { Title = InterviewTitle(r.At), At = at, VisibleUntil = r.At }
            : item with { Title = FeedbackTitle(r.At), At = Later(at, r.At), VisibleFrom = r.At },
        InterviewCancelled => null,
        InterviewFeedbackRecorded f when item is not null => item with { DoneBy = [.. item.DoneBy, InboxAddressees.User(f.Interviewer)] },

        TrainingAssigned t => id == Id(InboxKinds.TrainingDue, t.TrainingId)
            ? New(id, InboxKinds.TrainingDue, t.TrainingId, $"Training due by {t.DueOn:yyyy-MM-dd}: {t.Course}", $"/api/employees/{t.EmployeeId:D}", at,
                [InboxAddressees.Employee(t.EmployeeId)]) with { VisibleUntil = InboxItem.StartOf(t.DueOn.AddDays(1)) }
            : New(id, InboxKinds.TrainingOverdue, t.TrainingId, $"Training overdue since {t.DueOn:yyyy-MM-dd}: {t.Course}", $"/api/employees/{t.EmployeeId:D}",
                Later(at, InboxItem.StartOf(t.DueOn.AddDays(1))), [InboxAddressees.Employee(t.EmployeeId)]) with { VisibleFrom = InboxItem.StartOf(t.DueOn.AddDays(1)) },
        TrainingCompleted => null,

        CorrespondenceRegistered c => Correspondence(id, c, at),
        CorrespondenceRouted r when item is not null => item with
        {
            To = [r.EmployeeId is { } employee ? InboxAddressees.Employee(employee) : InboxAddressees.Department(r.DepartmentId!.Value)],
            At = item.Kind == InboxKinds.CorrespondenceRouted ? at : item.At,
        },
        CorrespondenceAcknowledged or CorrespondenceAnswered or CorrespondenceClosed => null,

        SupportRequestOpened o => Support(id, o, at),
        SupportRequestAssigned a when item is not null => Slot(id, a.SupportRequestId) switch
        {
            ItSlot => null,
            AssigneeSlot => item with { To = [InboxAddressees.User(a.Assignee)], Done = false, At = at, Title = $"Support request assigned to you: {item.Label}" },
            _ => Updated(item, at),
        },
        SupportRequestCommented c when item is not null => Slot(id, c.SupportRequestId) switch
        {
            AssigneeSlot when c.By == item.Owner && item.To.Count > 0 => Updated(item, at),
            RequesterSlot when c.By != item.Owner => Updated(item, at),
            _ => item,
        },
        SupportRequestResolved when item is not null => Slot(id, item.SourceId) switch
        {
            ItSlot => null,
            AssigneeSlot => item with { Done = true },
            _ => Updated(item, at),
        },
        SupportRequestReopened when item is not null => Slot(id, item.SourceId) switch
        {
            AssigneeSlot when item.To.Count > 0 => Updated(item, at),
            _ => item,
        },
        SupportRequestEscalated when item is not null => Slot(id, item.SourceId) == RequesterSlot ? Updated(item, at) : item,
        SupportRequestConfirmed or SupportRequestClosed => null,

        NoticePublished n when n.RequiresAcknowledgement => New(id, InboxKinds.NoticeToAcknowledge, n.NoticeId, $"Please acknowledge: {n.Title}",
            $"/api/notices/{n.NoticeId:D}", Later(at, InboxItem.StartOf(n.EffectiveOn)),
            n.AllStaff ? [InboxAddressees.AllStaff] : [.. n.DepartmentIds.Select(InboxAddressees.Department)]) with
        {
            VisibleFrom = InboxItem.StartOf(n.EffectiveOn),
            VisibleUntil = n.ExpiresOn is { } end ? InboxItem.StartOf(end.AddDays(1)) : null,
            Label = n.Title, Revision = 1,
        },
        NoticeRevised r when item is not null => (r.Revision != item.Revision
                ? item with { DoneBy = [], Revision = r.Revision, At = at }
                : item) with { Title = $"Please acknowledge: {r.Title ?? item.Label}", Label = r.Title ?? item.Label },
        NoticeAcknowledged a when item is not null && a.Revision == item.Revision => item with { DoneBy = [.. item.DoneBy, InboxAddressees.Employee(a.EmployeeId)] },
        NoticeWithdrawn => null,

        JournalEntryAwaitingApproval j => New(id, InboxKinds.JournalEntryAwaitingApproval, j.EntryId,
            $"Journal entry of {j.Total:0.00} in {j.JournalCode} awaiting your approval", $"/api/journal-entries/{j.EntryId:D}", at,
            [InboxAddressees.Role("manager")]) with { NotFor = j.PostedBy },
        JournalEntryApproved => null,

        DeviceRegistered d => New(id, InboxKinds.MaintenanceDue, d.DeviceId, "", $"/api/devices/{d.DeviceId:D}", at, []) with { Done = true, Label = d.AssetTag },
        MaintenanceScheduled m when item is not null => MaintenanceDueOn(item, m.NextDueOn, at),
        MaintenancePerformed p when item is not null => p.NextDueOn is { } next ? MaintenanceDueOn(item, next, at) : item with { Done = true },
        DeviceRetired => null,

        _ => item,
    };

    private static InboxItem New(Guid id, string kind, Guid source, string title, string link, DateTimeOffset at, IReadOnlyList<string> to)
        => new(id, kind, source, title, link, at, to, null, [], false, null, null, null, null, 0);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string InterviewTitle(DateTimeOffset at) => $"Interview on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
    private static string FeedbackTitle(DateTimeOffset at) => $"Feedback due on the interview of {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC";

    private static InboxItem Interview(Guid id, Guid candidateId, Guid interviewId, DateTimeOffset interviewAt, IReadOnlyList<string> interviewers, DateTimeOffset at)
    {
        var to = interviewers.Select(InboxAddressees.User).ToList();
        var link = $"/api/candidates/{candidateId:D}";
        return id == Id(InboxKinds.InterviewScheduled, interviewId)
            ? New(id, InboxKinds.InterviewScheduled, interviewId, InterviewTitle(interviewAt), link, at, to) with { VisibleUntil = interviewAt }
            : New(id, InboxKinds.FeedbackDue, interviewId, FeedbackTitle(interviewAt), link, Later(at, interviewAt), to) with { VisibleFrom = interviewAt };
    }

    private static InboxItem? Correspondence(Guid id, CorrespondenceRegistered c, DateTimeOffset at)
    {
        var link = $"/api/correspondence/{c.CorrespondenceId:D}";
        if (id == Id(InboxKinds.CorrespondenceRouted, c.CorrespondenceId))
            return New(id, InboxKinds.CorrespondenceRouted, c.CorrespondenceId, $"Correspondence {c.RegisterNumber} routed to you", link, at, []) with { Label = c.RegisterNumber };
        // Reply overdue: an inbound item with a reply-by day, from the day after it (Correspondence.IsReplyOverdue); the
        // item leaves once the item is answered or closed.
        if (c.Direction != CorrespondenceDirection.Inbound || c.ReplyDueOn is not { } due) return null;
        var from = InboxItem.StartOf(due.AddDays(1));
        return New(id, InboxKinds.ReplyOverdue, c.CorrespondenceId, $"Reply to {c.RegisterNumber} overdue since {due:yyyy-MM-dd}", link, Later(at, from), [])
            with { VisibleFrom = from, Label = c.RegisterNumber };
    }

    private static InboxItem Support(Guid id, SupportRequestOpened o, DateTimeOffset at)
    {
        var link = $"/api/support-requests/{o.SupportRequestId:D}";
        var item = New(id, InboxKinds.SupportRequestUpdated, o.SupportRequestId, "", link, at, []) with { Label = o.Summary, Owner = o.Requester };
        return Slot(id, o.SupportRequestId) switch
        {
            ItSlot => item with { Title = $"New support request ({o.Priority}): {o.Summary}", To = [InboxAddressees.Role("it")] },
            RequesterSlot => item with { Title = $"Your support request was updated: {o.Summary}", To = [InboxAddressees.User(o.Requester)], Done = true },
            _ => item with { Title = $"Support request assigned to you: {o.Summary}", Done = true },
        };
    }

    private static string Slot(Guid id, Guid request)
        => id == Id(InboxKinds.SupportRequestUpdated, request, ItSlot) ? ItSlot
            : id == Id(InboxKinds.SupportRequestUpdated, request, RequesterSlot) ? RequesterSlot
            : AssigneeSlot;

    private static InboxItem Updated(InboxItem item, DateTimeOffset at) => item with { Done = false, At = at };

    private static InboxItem MaintenanceDueOn(InboxItem item, DateOnly nextDue, DateTimeOffset at)
    {
        // Shown from the first day MaintenanceDue.StatusOf calls it Due (within its window), overdue included.
        var from = InboxItem.StartOf(nextDue.AddDays(-MaintenanceDue.DefaultWindowDays));
        return item with
        {
            Title = $"Maintenance of {item.Label} due on {nextDue:yyyy-MM-dd}", To = [InboxAddressees.Role("it")], Done = false,
            VisibleFrom = from, At = Later(at, from),
        };
    }
}
