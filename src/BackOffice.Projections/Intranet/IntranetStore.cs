using BackOffice.Domain.Intranet;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace BackOffice.Projections.Intranet;

/// <summary>The notice's snapshot, kept inline (commands load it, reads show it). Evolution is the domain's own <see cref="Notice.Evolve"/>.</summary>
public sealed class NoticeProjection() : Snapshot<Notice, INoticeEvent>(Notice.Evolve);

/// <summary>A user's read marks, kept inline (the mark command loads it, the inbox read shows it). Evolution is the domain's own <see cref="Inbox.Evolve"/>.</summary>
public sealed class InboxProjection() : Snapshot<Inbox, IInboxEvent>(Inbox.Evolve);

/// <summary>Intranet in the store: events, the notice and inbox snapshots, the inbox items.</summary>
internal static class IntranetStore
{
    /// <summary>Maps the context's events to their stored names (a contract with the history: never change one; a new
    /// shape gets a new name, <c>_v2</c>, and an upcaster) and registers its snapshots.</summary>
    internal static StoreOptions AddIntranet(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<NoticePublished>("notice_published_v1");
        events.MapEventType<NoticeRevised>("notice_revised_v1");
        events.MapEventType<NoticeWithdrawn>("notice_withdrawn_v1");
        events.MapEventType<NoticeAcknowledged>("notice_acknowledged_v1");
        events.MapEventType<InboxItemRead>("inbox_item_read_v1");

        options.Projections.Add(new NoticeProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Notice>().MultiTenanted();
        options.Projections.Add(new InboxProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Inbox>().MultiTenanted();
        options.Projections.Add(new InboxItemProjection(), ProjectionLifecycle.Async);
        options.Schema.For<InboxItem>().MultiTenanted();
        return options;
    }
}
