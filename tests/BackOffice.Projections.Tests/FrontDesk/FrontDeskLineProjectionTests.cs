using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.FrontDesk;
using JasperFx.Events;

namespace BackOffice.Projections.Tests.FrontDesk;

/// <summary>The front-desk dashboard's lines, folded directly from events carrying their own timestamps.</summary>
public class FrontDeskLineProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Item = Guid.CreateVersion7();
    private static readonly Guid Department = Guid.CreateVersion7();

    private static FrontDeskLine? Fold(params object[] events)
    {
        var projection = new FrontDeskLineProjection();
        FrontDeskLine? line = null;
        var minutes = 0;
        foreach (var data in events)
            line = projection.Evolve(line, Item, new Event<object>(data) { Timestamp = T0.AddMinutes(minutes += 10) });
        return line;
    }

    private static readonly CorrespondenceRegistered Registered = new(Item, "2026-000042", CorrespondenceDirection.Inbound, CorrespondenceChannel.Fax,
        Guid.CreateVersion7(), T0, T0.AddMinutes(5), null, new DateOnly(2026, 11, 5), false, null, false, false);

    [Fact]
    public void A_line_follows_the_item_from_registration_to_its_reply()
    {
        var routed = Fold(Registered, new CorrespondenceRouted(Item, null, Department, "clerk", T0.AddHours(1)))!;
        routed.RegisterNumber.ShouldBe("2026-000042");
        routed.Month.ShouldBe("2026-11");
        routed.Status.ShouldBe(CorrespondenceStatus.Routed);
        routed.DepartmentId.ShouldBe(Department);
        routed.RoutedAt.ShouldBe(T0.AddHours(1));
        routed.ReplyOverdueOn(new DateOnly(2026, 11, 6)).ShouldBeTrue();

        var replied = Fold(Registered, new CorrespondenceRouted(Item, null, Department, "clerk", T0.AddHours(1)),
            new CorrespondenceAcknowledged(Item, "bob", null, T0.AddHours(2)), new CorrespondenceAnswered(Item, Guid.CreateVersion7(), T0.AddHours(30)))!;
        replied.Status.ShouldBe(CorrespondenceStatus.Replied);
        replied.TimeToReply.ShouldBe(TimeSpan.FromHours(30));
        replied.ReplyOverdueOn(new DateOnly(2026, 11, 6)).ShouldBeFalse();
        replied.UpdatedAt.ShouldBe(T0.AddMinutes(40));
    }

    [Fact]
    public void Events_before_the_registration_make_no_line_and_a_closed_item_is_not_overdue()
    {
        Fold(new CorrespondenceClosed(Item, "F", "clerk", T0)).ShouldBeNull();
        var closed = Fold(Registered, new CorrespondenceClosed(Item, "F", "clerk", T0))!;
        closed.Status.ShouldBe(CorrespondenceStatus.Closed);
        closed.ReplyOverdueOn(new DateOnly(2026, 12, 1)).ShouldBeFalse();
        new FrontDeskLineProjection().Name.ShouldBe(FrontDeskLineProjection.ProjectionName);
    }
}
