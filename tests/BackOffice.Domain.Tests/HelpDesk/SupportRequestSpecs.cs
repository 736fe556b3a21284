using BackOffice.Domain.HelpDesk;

namespace BackOffice.Domain.Tests.HelpDesk;

/// <summary>Every support-request command in every status, and the service-level clock with injected times.</summary>
public class SupportRequestSpecs
{
    private static readonly Guid Id = Spec.Id(500);
    private static readonly Guid Subject = Spec.Id(501);
    private static readonly DateTimeOffset T0 = Spec.Now;
    private const string Requester = "demo-clerk";
    private const string Agent = "demo-it";

    private static DecisionContext At(string user, TimeSpan after)
    {
        var n = 0;
        return new DecisionContext(user, T0 + after, () => new Guid(++n, 0, 0, new byte[8]));
    }

    private static readonly SupportRequestOpened Opened = new(Id, Subject, Requester, SupportCategory.Hardware, SupportPriority.High,
        "Printer jams", Spec.Id(9), T0, TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    private static readonly SupportRequestAssigned Assigned = new(Id, Agent, Agent, T0 + TimeSpan.FromHours(1));
    private static SupportRequestCommented Waiting(TimeSpan at) => new(Id, Spec.Id(1), Agent, T0 + at, true);
    private static SupportRequestCommented Answer(TimeSpan at) => new(Id, Spec.Id(1), Requester, T0 + at, false);
    private static SupportRequestResolved Resolved(TimeSpan at) => new(Id, Agent, T0 + at, T0 + at + TimeSpan.FromDays(7));

    private static readonly object[] InOpen = [Opened];
    private static readonly object[] InAssigned = [Opened, Assigned];
    private static readonly object[] InWaiting = [Opened, Assigned, Waiting(TimeSpan.FromHours(2))];
    private static readonly object[] InResolved = [Opened, Assigned, Resolved(TimeSpan.FromHours(3))];
    private static readonly object[] InConfirmed = [.. InResolved, new SupportRequestConfirmed(Id, Requester, T0 + TimeSpan.FromHours(4))];
    private static readonly object[] InAutoClosed = [.. InResolved, new SupportRequestClosed(Id, T0 + TimeSpan.FromDays(8))];

    public static TheoryData<string> Statuses => new() { "open", "assigned", "waiting", "resolved", "confirmed", "autoClosed" };

    private static object[] History(string status) => status switch
    {
        "open" => InOpen,
        "assigned" => InAssigned,
        "waiting" => InWaiting,
        "resolved" => InResolved,
        "confirmed" => InConfirmed,
        _ => InAutoClosed,
    };

    private static bool IsActive(string status) => status is "open" or "assigned" or "waiting";

    // ----- Open

    [Fact]
    public void Open_records_the_request_with_the_deadlines_of_its_priority()
        => Spec.When(() => SupportRequest.Open(new OpenSupportRequest(Id, Subject, SupportCategory.Hardware, SupportPriority.High, " Printer jams ",
                "Tray 2 jams", Spec.Id(9)), HelpDeskSettings.Defaults, Spec.As(Requester)))
            .Then(Opened);

    [Fact]
    public void Open_takes_the_tenant_settings()
    {
        var settings = HelpDeskSettings.Defaults with { Critical = new ServiceLevel(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)), ReopenWindow = TimeSpan.FromDays(2) };
        var opened = SupportRequest.Open(new OpenSupportRequest(Id, Subject, SupportCategory.Network, SupportPriority.Critical, "VPN down", "No VPN"), settings, Spec.As(Requester))
            .OfType<SupportRequestOpened>().Single();
        opened.FirstResponseTarget.ShouldBe(TimeSpan.FromMinutes(5));
        opened.ResolutionTarget.ShouldBe(TimeSpan.FromMinutes(30));
        opened.ReopenWindow.ShouldBe(TimeSpan.FromDays(2));
        var request = SupportRequest.From([opened])!;
        request.FirstResponseDueAt.ShouldBe(T0 + TimeSpan.FromMinutes(5));
        request.ResolutionDueAt.ShouldBe(T0 + TimeSpan.FromMinutes(30));
    }

    [Theory]
    [InlineData(SupportPriority.Critical, 1, 4)]
    [InlineData(SupportPriority.High, 4, 24)]
    [InlineData(SupportPriority.Medium, 24, 72)]
    [InlineData(SupportPriority.Low, 72, 240)]
    public void The_default_service_levels_are_the_contracts(SupportPriority priority, int firstResponseHours, int resolutionHours)
        => HelpDeskSettings.Defaults.For(priority).ShouldBe(new ServiceLevel(TimeSpan.FromHours(firstResponseHours), TimeSpan.FromHours(resolutionHours)));

    [Theory]
    [InlineData("", "d", "summary")]
    [InlineData("s", " ", "description")]
    public void Open_needs_a_summary_and_a_description(string summary, string description, string field)
        => Spec.When(() => SupportRequest.Open(new OpenSupportRequest(Id, Subject, SupportCategory.Other, SupportPriority.Low, summary, description),
                HelpDeskSettings.Defaults, Spec.As(Requester)))
            .ThenRefused(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Open_refuses_an_unknown_priority()
        => Spec.When(() => SupportRequest.Open(new OpenSupportRequest(Id, Subject, SupportCategory.Other, (SupportPriority)9, "s", "d"),
                HelpDeskSettings.Defaults, Spec.As(Requester)))
            .ThenRefused(ErrorCodes.ValidationFailed, "priority");

    // ----- Assign

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Assign_in_every_status(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.Assign(new AssignSupportRequest("demo-admin"), At(Agent, TimeSpan.FromHours(5))));
        if (!IsActive(status))
        {
            outcome.ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);
            return;
        }
        outcome.Then(new SupportRequestAssigned(Id, "demo-admin", Agent, T0 + TimeSpan.FromHours(5)))
            .And(r => r.Status.ShouldBe(status == "waiting" ? SupportRequestStatus.WaitingOnRequester : SupportRequestStatus.Assigned));
    }

    [Fact]
    public void Assign_is_a_first_response()
        => Spec.Given(SupportRequest.From, Opened).When(r => r.Assign(new AssignSupportRequest(Agent), At(Agent, TimeSpan.FromMinutes(10))))
            .And(r =>
            {
                r.RespondedAt.ShouldBe(T0 + TimeSpan.FromMinutes(10));
                r.NextCheckAt(ServiceLevelKind.FirstResponse).ShouldBeNull();
            });

    [Fact]
    public void Assigning_the_same_agent_again_records_nothing()
        => Spec.Given(SupportRequest.From, InAssigned).When(r => r.Assign(new AssignSupportRequest(Agent), Spec.As(Agent))).ThenNothing();

    // ----- Comment

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Requester_comments_in_every_status_but_closed(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.Comment(new CommentOnSupportRequest("Still broken"), At(Requester, TimeSpan.FromHours(5)), false));
        if (status is "confirmed" or "autoClosed")
        {
            outcome.ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);
            return;
        }
        outcome.Then(new SupportRequestCommented(Id, Spec.Id(1), Requester, T0 + TimeSpan.FromHours(5), false));
    }

    [Fact]
    public void Someone_else_than_the_requester_or_support_may_not_comment()
        => Spec.Given(SupportRequest.From, InOpen).When(r => r.Comment(new CommentOnSupportRequest("me too"), Spec.As("demo-hr"), false))
            .ThenRefused(ErrorCodes.NotTheRequester);

    [Fact]
    public void The_requester_cannot_put_the_request_waiting_on_themselves()
        => Spec.Given(SupportRequest.From, InOpen).When(r => r.Comment(new CommentOnSupportRequest("wait", true), Spec.As(Requester), true))
            .ThenRefused(ErrorCodes.ValidationFailed, "waitingOnRequester");

    [Fact]
    public void A_comment_needs_a_text()
        => Spec.Given(SupportRequest.From, InOpen).When(r => r.Comment(new CommentOnSupportRequest(""), Spec.As(Agent), true))
            .ThenRefused(ErrorCodes.ValidationFailed, "text");

    [Fact]
    public void A_resolved_request_cannot_be_put_waiting()
        => Spec.Given(SupportRequest.From, InResolved).When(r => r.Comment(new CommentOnSupportRequest("?", true), Spec.As(Agent), true))
            .ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);

    [Fact]
    public void Support_comment_is_a_first_response_and_waiting_stops_the_clock()
        => Spec.Given(SupportRequest.From, Opened)
            .When(r => r.Comment(new CommentOnSupportRequest("Which tray?", true), At(Agent, TimeSpan.FromMinutes(30)), true))
            .Then(new SupportRequestCommented(Id, Spec.Id(1), Agent, T0 + TimeSpan.FromMinutes(30), true))
            .And(r =>
            {
                r.Status.ShouldBe(SupportRequestStatus.WaitingOnRequester);
                r.RespondedAt.ShouldBe(T0 + TimeSpan.FromMinutes(30));
                r.ClockStoppedAt.ShouldBe(T0 + TimeSpan.FromMinutes(30));
                r.NextCheckAt(ServiceLevelKind.Resolution).ShouldBeNull();
                // While waiting, the resolution deadline moves with the stop.
                r.ResolutionDueAtAsOf(T0 + TimeSpan.FromHours(2.5)).ShouldBe(T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
            });

    [Fact]
    public void The_requesters_answer_restarts_the_clock_and_moves_the_deadline_by_the_wait()
        => Spec.Given(SupportRequest.From, InWaiting)
            .When(r => r.Comment(new CommentOnSupportRequest("Tray 2"), At(Requester, TimeSpan.FromHours(7)), false))
            .And(r =>
            {
                r.Status.ShouldBe(SupportRequestStatus.Assigned);
                r.PausedFor.ShouldBe(TimeSpan.FromHours(5));
                r.ClockStoppedAt.ShouldBeNull();
                r.ResolutionDueAt.ShouldBe(T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(5));
                r.NextCheckAt(ServiceLevelKind.Resolution).ShouldBe(T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(5));
            });

    // ----- Resolve

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Resolve_in_every_status(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.Resolve(new ResolveSupportRequest("Replaced the roller"), At(Agent, TimeSpan.FromHours(5))));
        if (!IsActive(status))
        {
            outcome.ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);
            return;
        }
        outcome.Then(Resolved(TimeSpan.FromHours(5))).And(r =>
        {
            r.Status.ShouldBe(SupportRequestStatus.Resolved);
            r.ReopenableUntil.ShouldBe(T0 + TimeSpan.FromHours(5) + TimeSpan.FromDays(7));
        });
    }

    [Fact]
    public void Resolve_needs_a_resolution()
        => Spec.Given(SupportRequest.From, InAssigned).When(r => r.Resolve(new ResolveSupportRequest(" "), Spec.As(Agent)))
            .ThenRefused(ErrorCodes.ValidationFailed, "resolution");

    // ----- Confirm

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Confirm_in_every_status(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.Confirm(At(Requester, TimeSpan.FromHours(5))));
        if (status != "resolved")
        {
            outcome.ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);
            return;
        }
        outcome.Then(new SupportRequestConfirmed(Id, Requester, T0 + TimeSpan.FromHours(5))).And(r => r.Status.ShouldBe(SupportRequestStatus.Closed));
    }

    [Fact]
    public void Only_the_requester_confirms()
        => Spec.Given(SupportRequest.From, InResolved).When(r => r.Confirm(Spec.As(Agent))).ThenRefused(ErrorCodes.NotTheRequester);

    // ----- Reopen

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Reopen_in_every_status(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.Reopen(new ReopenSupportRequest("Jams again"), At(Requester, TimeSpan.FromDays(1))));
        switch (status)
        {
            case "resolved":
                outcome.Then(new SupportRequestReopened(Id, Spec.Id(1), Requester, T0 + TimeSpan.FromDays(1)))
                    .And(r =>
                    {
                        r.Status.ShouldBe(SupportRequestStatus.Assigned);
                        r.ReopenableUntil.ShouldBeNull();
                        // The time it spent resolved does not count against the resolution deadline.
                        r.PausedFor.ShouldBe(TimeSpan.FromDays(1) - TimeSpan.FromHours(3));
                    });
                break;
            case "autoClosed":
                outcome.ThenRefused(ErrorCodes.ReopenWindowPassed);
                break;
            default:
                outcome.ThenRefused(ErrorCodes.SupportRequestTransitionNotAllowed);
                break;
        }
    }

    [Fact]
    public void Reopen_on_the_last_day_of_the_window_is_accepted_and_after_it_refused()
    {
        Spec.Given(SupportRequest.From, InResolved).When(r => r.Reopen(new ReopenSupportRequest("again"), At(Requester, TimeSpan.FromHours(3) + TimeSpan.FromDays(7))))
            .EventOf<SupportRequestReopened>();
        Spec.Given(SupportRequest.From, InResolved).When(r => r.Reopen(new ReopenSupportRequest("again"), At(Requester, TimeSpan.FromHours(3) + TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1))))
            .ThenRefused(ErrorCodes.ReopenWindowPassed);
    }

    [Fact]
    public void Only_the_requester_reopens()
        => Spec.Given(SupportRequest.From, InResolved).When(r => r.Reopen(new ReopenSupportRequest("again"), Spec.As(Agent))).ThenRefused(ErrorCodes.NotTheRequester);

    [Fact]
    public void Reopen_needs_a_reason()
        => Spec.Given(SupportRequest.From, InResolved).When(r => r.Reopen(new ReopenSupportRequest(""), Spec.As(Requester)))
            .ThenRefused(ErrorCodes.ValidationFailed, "reason");

    // ----- The clock: breaches

    [Fact]
    public void No_breach_before_the_deadline()
        => Spec.Given(SupportRequest.From, Opened).When(r => r.RecordBreach(ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromHours(4) - TimeSpan.FromTicks(1))).ThenNothing();

    [Fact]
    public void An_unanswered_request_breaches_its_first_response_at_the_deadline_once()
    {
        var breach = new ServiceLevelBreached(Id, ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromHours(4), T0 + TimeSpan.FromHours(4));
        Spec.Given(SupportRequest.From, Opened).When(r => r.RecordBreach(ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromHours(4)))
            .Then(breach).And(r => r.FirstResponseBreached.ShouldBeTrue());
        Spec.Given(SupportRequest.From, Opened, breach).When(r => r.RecordBreach(ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromHours(9))).ThenNothing();
    }

    [Fact]
    public void A_first_response_in_time_is_never_a_breach()
        => Spec.Given(SupportRequest.From, InAssigned).When(r => r.RecordBreach(ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromDays(3))).ThenNothing();

    [Fact]
    public void A_late_first_response_is_a_breach_even_when_checked_afterwards()
        => Spec.Given(SupportRequest.From, Opened, Assigned with { At = T0 + TimeSpan.FromHours(5) })
            .When(r => r.RecordBreach(ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromHours(6)))
            .Then(new ServiceLevelBreached(Id, ServiceLevelKind.FirstResponse, T0 + TimeSpan.FromHours(4), T0 + TimeSpan.FromHours(6)));

    [Fact]
    public void A_wait_moves_the_resolution_deadline()
    {
        // Waiting from 2 h to 7 h: the 1-day deadline moves 5 h later.
        object[] history = [.. InWaiting, Answer(TimeSpan.FromHours(7))];
        Spec.Given(SupportRequest.From, history).When(r => r.RecordBreach(ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(1))).ThenNothing();
        Spec.Given(SupportRequest.From, history).When(r => r.RecordBreach(ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(5)))
            .Then(new ServiceLevelBreached(Id, ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(5), T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(5)));
    }

    [Fact]
    public void A_request_waiting_since_before_its_deadline_is_not_in_breach()
        => Spec.Given(SupportRequest.From, InWaiting).When(r => r.RecordBreach(ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(5))).ThenNothing()
            .And(r => r.NextCheckAt(ServiceLevelKind.Resolution).ShouldBeNull());

    [Fact]
    public void A_request_resolved_in_time_is_not_in_breach_and_one_resolved_late_is()
    {
        Spec.Given(SupportRequest.From, InResolved).When(r => r.RecordBreach(ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(3))).ThenNothing();
        Spec.Given(SupportRequest.From, Opened, Assigned, Resolved(TimeSpan.FromDays(2)))
            .When(r => r.RecordBreach(ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(3)))
            .Then(new ServiceLevelBreached(Id, ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(1), T0 + TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Time_spent_resolved_before_a_reopening_does_not_count()
    {
        // Resolved at 3 h, reopened at 1 day 3 h: the deadline moves from 1 day to 2 days.
        object[] history = [.. InResolved, new SupportRequestReopened(Id, Spec.Id(1), Requester, T0 + TimeSpan.FromDays(1) + TimeSpan.FromHours(3))];
        Spec.Given(SupportRequest.From, history).When(r => r.RecordBreach(ServiceLevelKind.Resolution, T0 + TimeSpan.FromDays(1.5))).ThenNothing()
            .And(r => r.NextCheckAt(ServiceLevelKind.Resolution).ShouldBe(T0 + TimeSpan.FromDays(2)));
    }

    // ----- The automatic close

    [Fact]
    public void A_resolved_request_closes_by_itself_when_its_window_ends_once()
    {
        var closed = new SupportRequestClosed(Id, T0 + TimeSpan.FromHours(3) + TimeSpan.FromDays(7));
        Spec.Given(SupportRequest.From, InResolved).When(r => r.CloseIfDue(T0 + TimeSpan.FromDays(7))).ThenNothing();
        Spec.Given(SupportRequest.From, InResolved).When(r => r.CloseIfDue(closed.At)).Then(closed)
            .And(r => (r.Status, r.ClosedAutomatically).ShouldBe((SupportRequestStatus.Closed, true)));
        Spec.Given(SupportRequest.From, [.. InResolved, closed]).When(r => r.CloseIfDue(closed.At + TimeSpan.FromDays(1))).ThenNothing();
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Only_a_resolved_request_closes_by_itself(string status)
    {
        var outcome = Spec.Given(SupportRequest.From, History(status)).When(r => r.CloseIfDue(T0 + TimeSpan.FromDays(30)));
        if (status == "resolved") outcome.EventOf<SupportRequestClosed>();
        else outcome.ThenNothing();
    }

    // ----- Settings

    [Fact]
    public void Settings_refuse_a_resolution_shorter_than_the_first_response()
        => Spec.When(() => HelpDeskSettings.Change(null, new ChangeHelpDeskSettings(
                new ServiceLevel(TimeSpan.FromHours(2), TimeSpan.FromHours(1)), HelpDeskSettings.Defaults.High, HelpDeskSettings.Defaults.Medium,
                HelpDeskSettings.Defaults.Low, TimeSpan.FromDays(7))))
            .ThenRefused(ErrorCodes.ValidationFailed, "critical.resolution");

    [Fact]
    public void Settings_refuse_a_zero_window()
        => Spec.When(() => HelpDeskSettings.Change(null, new ChangeHelpDeskSettings(HelpDeskSettings.Defaults.Critical, HelpDeskSettings.Defaults.High,
                HelpDeskSettings.Defaults.Medium, HelpDeskSettings.Defaults.Low, TimeSpan.Zero)))
            .ThenRefused(ErrorCodes.ValidationFailed, "reopenWindow");

    [Fact]
    public void Setting_the_same_values_again_records_nothing()
    {
        var d = HelpDeskSettings.Defaults;
        var command = new ChangeHelpDeskSettings(d.Critical, d.High, d.Medium, d.Low, TimeSpan.FromDays(3));
        var first = HelpDeskSettings.Change(null, command);
        first.Count.ShouldBe(1);
        HelpDeskSettings.Change(HelpDeskSettings.From(first), command).ShouldBeEmpty();
    }
}
