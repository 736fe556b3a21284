using BackOffice.Domain.Intranet;

namespace BackOffice.Domain.Tests.Intranet;

/// <summary>Every notice command in every status.</summary>
public class NoticeSpecs
{
    private static readonly Guid Id = Spec.Id(700);
    private static readonly Guid Sales = Spec.Id(71);
    private static readonly Guid Finance = Spec.Id(72);
    private static readonly Guid Other = Spec.Id(73);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Spec.Now.UtcDateTime);
    private static readonly Acknowledger Alice = new(Spec.Id(81), Sales, true);

    private static readonly NoticePublished Published = new(Id, "Clean desk policy", "Clear your desk every evening.", false, [Sales, Finance], true,
        Today.AddDays(-1), Today.AddDays(30), "demo-hr", Spec.Now.AddDays(-1));

    private static readonly object[] InPublished = [Published];
    private static readonly object[] InWithdrawn = [Published, new NoticeWithdrawn(Id, "Superseded", "demo-hr", Spec.Now)];
    private static readonly object[] InExpired = [Published with { EffectiveOn = Today.AddDays(-30), ExpiresOn = Today.AddDays(-1) }];
    private static readonly object[] InFuture = [Published with { EffectiveOn = Today.AddDays(5) }];

    public static TheoryData<string> Statuses => new() { "published", "withdrawn", "expired", "future" };

    private static object[] History(string status) => status switch
    {
        "published" => InPublished,
        "withdrawn" => InWithdrawn,
        "expired" => InExpired,
        _ => InFuture,
    };

    [Fact]
    public void Publish_records_the_notice_to_its_departments()
    {
        var e = Spec.When(() => Notice.Publish(new PublishNotice(Id, " Clean desk policy ", "Clear your desk every evening.", false, [Sales, Finance, Sales], true,
            Today.AddDays(-1), Today.AddDays(30)), Spec.As("demo-hr"))).EventOf<NoticePublished>();
        (e.Title, e.AllStaff, e.RequiresAcknowledgement, e.PublishedBy).ShouldBe(("Clean desk policy", false, true, "demo-hr"));
        e.DepartmentIds.ShouldBe([Sales, Finance]);
        var notice = Notice.From([e])!;
        notice.Revision.ShouldBe(1);
        notice.StatusOn(Today).ShouldBe(NoticeStatus.Published);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Publish_needs_all_staff_or_some_departments_not_both(bool allStaff, bool withDepartments)
        => Spec.When(() => Notice.Publish(new PublishNotice(Id, "t", "b", allStaff, withDepartments ? [Sales] : [], false, Today), Spec.As("demo-hr")))
            .ThenRefused(ErrorCodes.ValidationFailed, "audience");

    [Fact]
    public void Publish_refuses_an_expiry_before_the_effective_day()
        => Spec.When(() => Notice.Publish(new PublishNotice(Id, "t", "b", true, null, false, Today, Today.AddDays(-1)), Spec.As("demo-hr")))
            .ThenRefused(ErrorCodes.ValidationFailed, "expiresOn");

    [Fact]
    public void A_notice_expires_after_its_last_day()
    {
        var notice = Notice.From(InPublished)!;
        notice.StatusOn(Today.AddDays(30)).ShouldBe(NoticeStatus.Published);
        notice.StatusOn(Today.AddDays(31)).ShouldBe(NoticeStatus.Expired);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Revise_in_every_status(string status)
    {
        var outcome = Spec.Given(Notice.From, History(status)).When(n => n.Revise(new ReviseNotice(null, "Clear your desk and lock your drawer.", true), Spec.As("demo-manager")));
        if (status == "withdrawn")
        {
            outcome.ThenRefused(ErrorCodes.NoticeWithdrawn);
            return;
        }
        outcome.Then(new NoticeRevised(Id, null, "Clear your desk and lock your drawer.", true, 2, "demo-manager", Spec.Now))
            .And(n => (n.Revision, n.Title, n.Body).ShouldBe((2, "Clean desk policy", "Clear your desk and lock your drawer.")));
    }

    [Fact]
    public void A_material_revision_asks_for_acknowledgement_again_and_a_minor_one_does_not()
    {
        object[] acknowledged = [Published, new NoticeAcknowledged(Id, Alice.EmployeeId, 1, "alice", Spec.Now)];
        Spec.Given(Notice.From, acknowledged).When(n => n.Revise(new ReviseNotice("Clean-desk policy", null, false), Spec.As("demo-hr")))
            .And(n => n.AcknowledgedBy(Alice.EmployeeId).ShouldBeTrue());
        Spec.Given(Notice.From, acknowledged).When(n => n.Revise(new ReviseNotice(null, "New rules", true), Spec.As("demo-hr")))
            .And(n => n.AcknowledgedBy(Alice.EmployeeId).ShouldBeFalse());
    }

    [Fact]
    public void A_revision_changes_something()
        => Spec.Given(Notice.From, InPublished).When(n => n.Revise(new ReviseNotice(null, null, true), Spec.As("demo-hr")))
            .ThenRefused(ErrorCodes.ValidationFailed, "body");

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Withdraw_in_every_status(string status)
    {
        var outcome = Spec.Given(Notice.From, History(status)).When(n => n.Withdraw(new WithdrawNotice("Superseded"), Spec.As("demo-hr")));
        if (status == "withdrawn") outcome.ThenNothing();
        else outcome.Then(new NoticeWithdrawn(Id, "Superseded", "demo-hr", Spec.Now)).And(n => n.StatusOn(Today).ShouldBe(NoticeStatus.Withdrawn));
    }

    [Fact]
    public void Withdraw_needs_a_reason()
        => Spec.Given(Notice.From, InPublished).When(n => n.Withdraw(new WithdrawNotice(""), Spec.As("demo-hr"))).ThenRefused(ErrorCodes.ValidationFailed, "reason");

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Acknowledge_in_every_status(string status)
    {
        var outcome = Spec.Given(Notice.From, History(status)).When(n => n.Acknowledge(Alice, Spec.As("alice")));
        switch (status)
        {
            case "published":
                outcome.Then(new NoticeAcknowledged(Id, Alice.EmployeeId, 1, "alice", Spec.Now)).And(n => n.AcknowledgedBy(Alice.EmployeeId).ShouldBeTrue());
                break;
            case "withdrawn":
                outcome.ThenRefused(ErrorCodes.NoticeWithdrawn);
                break;
            default:
                outcome.ThenRefused(ErrorCodes.NoticeNotAcknowledgeable);
                break;
        }
    }

    [Fact]
    public void Only_an_employed_addressee_acknowledges()
    {
        Spec.Given(Notice.From, InPublished).When(n => n.Acknowledge(Alice with { DepartmentId = Other }, Spec.As("bob"))).ThenRefused(ErrorCodes.NotInAudience);
        Spec.Given(Notice.From, InPublished).When(n => n.Acknowledge(null, Spec.As("nobody"))).ThenRefused(ErrorCodes.NotInAudience);
        Spec.Given(Notice.From, InPublished).When(n => n.Acknowledge(Alice with { Employed = false }, Spec.As("alice"))).ThenRefused(ErrorCodes.NotInAudience);
        Spec.Given(Notice.From, Published with { AllStaff = true, DepartmentIds = [] })
            .When(n => n.Acknowledge(Alice with { DepartmentId = Other }, Spec.As("carol"))).EventOf<NoticeAcknowledged>();
    }

    [Fact]
    public void Acknowledging_the_same_revision_twice_records_nothing_but_a_new_revision_takes_a_new_one()
    {
        object[] once = [Published, new NoticeAcknowledged(Id, Alice.EmployeeId, 1, "alice", Spec.Now)];
        Spec.Given(Notice.From, once).When(n => n.Acknowledge(Alice, Spec.As("alice"))).ThenNothing();
        Spec.Given(Notice.From, [.. once, new NoticeRevised(Id, null, "New", true, 2, "demo-hr", Spec.Now)])
            .When(n => n.Acknowledge(Alice, Spec.As("alice")))
            .Then(new NoticeAcknowledged(Id, Alice.EmployeeId, 2, "alice", Spec.Now));
    }

    [Fact]
    public void A_notice_without_acknowledgement_takes_none()
        => Spec.Given(Notice.From, Published with { RequiresAcknowledgement = false }).When(n => n.Acknowledge(Alice, Spec.As("alice")))
            .ThenRefused(ErrorCodes.NoticeNotAcknowledgeable);
}
