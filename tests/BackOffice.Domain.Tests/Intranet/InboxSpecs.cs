using BackOffice.Domain.Intranet;

namespace BackOffice.Domain.Tests.Intranet;

/// <summary>Read marks of a user's inbox: events, per user, read again once the item changes.</summary>
public class InboxSpecs
{
    private static readonly Guid Item = Spec.Id(900);
    private static readonly Guid Inbox1 = Inbox.IdFor("demo-manager");
    private static readonly DateTimeOffset ItemAt = Spec.Now.AddHours(-1);

    private static Inbox Empty(IEnumerable<object> events) => Inbox.From(events) ?? Inbox.Empty("demo-manager");

    [Fact]
    public void Marking_an_unread_item_records_the_read_mark()
        => Spec.Given(Empty).When(i => i.MarkRead(new MarkInboxItemRead(Item, ItemAt), Spec.As("demo-manager")))
            .Then(new InboxItemRead(Inbox1, "demo-manager", Item, Spec.Now))
            .And(i =>
            {
                i.IsRead(Item, ItemAt).ShouldBeTrue();
                i.IsRead(Spec.Id(901), ItemAt).ShouldBeFalse();
            });

    [Fact]
    public void Marking_a_read_item_again_records_nothing()
        => Spec.Given(Empty, new InboxItemRead(Inbox1, "demo-manager", Item, Spec.Now.AddMinutes(-5)))
            .When(i => i.MarkRead(new MarkInboxItemRead(Item, ItemAt), Spec.As("demo-manager")))
            .ThenNothing();

    [Fact]
    public void An_item_changed_after_its_read_mark_is_unread_and_can_be_marked_again()
        => Spec.Given(Empty, new InboxItemRead(Inbox1, "demo-manager", Item, Spec.Now.AddHours(-3)))
            .When(i => i.MarkRead(new MarkInboxItemRead(Item, ItemAt), Spec.As("demo-manager")))
            .Then(new InboxItemRead(Inbox1, "demo-manager", Item, Spec.Now))
            .And(i => i.ReadMarks[Item].ShouldBe(Spec.Now));

    [Fact]
    public void Nobody_marks_another_users_inbox()
        => Spec.Given(Empty).When(i => i.MarkRead(new MarkInboxItemRead(Item, ItemAt), Spec.As("demo-clerk")))
            .ThenRefused(ErrorCodes.NotFound);

    [Fact]
    public void An_empty_item_id_is_invalid()
        => Spec.Given(Empty).When(i => i.MarkRead(new MarkInboxItemRead(Guid.Empty, ItemAt), Spec.As("demo-manager")))
            .ThenRefused(ErrorCodes.ValidationFailed, "id");

    [Fact]
    public void Each_user_has_one_inbox_of_their_own()
    {
        Inbox.IdFor("demo-manager").ShouldBe(Inbox1);
        Inbox.IdFor("demo-clerk").ShouldNotBe(Inbox1);
    }
}
