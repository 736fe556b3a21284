using BackOffice.Domain.FrontDesk;

namespace BackOffice.Domain.Tests.FrontDesk;

public class CorrespondenceSpecs
{
    private static readonly Guid ItemId = Spec.Id(900);
    private static readonly Guid SubjectId = Spec.Id(901);
    private static readonly Guid OutboundId = Spec.Id(902);
    private static readonly Guid EmployeeId = Spec.Id(910);
    private static readonly Guid DepartmentId = Spec.Id(920);
    private static readonly Guid OtherDepartmentId = Spec.Id(921);
    private static readonly DateTimeOffset Received = Spec.Now.AddHours(-2);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Spec.Now.UtcDateTime);

    private static readonly CorrespondenceRegistered Registered = new(ItemId, "2026-000001", CorrespondenceDirection.Inbound,
        CorrespondenceChannel.Mail, SubjectId, Received, Spec.Now, "REF-1", Today.AddDays(10), false, null, false, false);
    private static readonly CorrespondenceRouted RoutedToEmployee = new(ItemId, EmployeeId, null, "clerk", Spec.Now);
    private static readonly CorrespondenceRouted RoutedToDepartment = new(ItemId, null, DepartmentId, "clerk", Spec.Now);
    private static readonly CorrespondenceAcknowledged Acknowledged = new(ItemId, "alice", EmployeeId, Spec.Now);
    private static readonly CorrespondenceAnswered Answered = new(ItemId, OutboundId, Spec.Now);
    private static readonly CorrespondenceClosed Closed = new(ItemId, "F-01", "clerk", Spec.Now);

    /// <summary>One history per status.</summary>
    public static TheoryData<CorrespondenceStatus> Statuses => new(Enum.GetValues<CorrespondenceStatus>());

    private static object[] HistoryIn(CorrespondenceStatus status) => status switch
    {
        CorrespondenceStatus.Registered => [Registered],
        CorrespondenceStatus.Routed => [Registered, RoutedToEmployee],
        CorrespondenceStatus.Acknowledged => [Registered, RoutedToEmployee, Acknowledged],
        CorrespondenceStatus.Replied => [Registered, RoutedToEmployee, Acknowledged, Answered],
        CorrespondenceStatus.Closed => [Registered, RoutedToEmployee, Closed],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static RegisterCorrespondence Letter(Guid? id = null) => new(id ?? ItemId, SubjectId, CorrespondenceDirection.Inbound, CorrespondenceChannel.Mail,
        " Invoice dispute ", new Correspondent("Jane Roe", "Roe Ltd", "Jane.Roe@Example.com", "+33 1 23 45 67 89", "1 rue X, Paris"), Received, " REF-1 ",
        Today.AddDays(10));

    // Registration

    [Fact]
    public void Register_waits_for_its_number_then_records_the_item_without_personal_values()
    {
        var pending = Correspondence.Register(Letter(), null, Spec.As("clerk"));
        pending.Year.ShouldBe(2026);
        var events = pending.Numbered(1);
        events.ShouldBe([Registered]);
        var item = Correspondence.From(events).ShouldNotBeNull();
        item.Status.ShouldBe(CorrespondenceStatus.Registered);
        item.RegisterYear.ShouldBe(2026);
        item.RegisterSequence.ShouldBe(1);
    }

    [Fact]
    public void Register_numbers_are_YYYY_dash_six_digits()
    {
        var events = Correspondence.Register(Letter(), null, Spec.As("clerk")).Numbered(4711);
        events.OfType<CorrespondenceRegistered>().Single().RegisterNumber.ShouldBe("2026-004711");
        RegisterNumber.TryParse("2026-004711", out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new RegisterNumber(2026, 4711));
        RegisterNumber.TryParse("2026-4711", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_full_register_refuses_the_millionth_item()
        => Should.Throw<DomainException>(() => Correspondence.Register(Letter(), null, Spec.As("clerk")).Numbered(RegisterNumber.MaxSequence + 1))
            .Code.ShouldBe(ErrorCodes.RegisterFull);

    [Fact]
    public void A_phone_message_for_someone_absent_is_an_inbound_phone_item_with_a_callback()
    {
        var call = new RegisterCorrespondence(ItemId, SubjectId, CorrespondenceDirection.Inbound, CorrespondenceChannel.Phone, "Call about the lease",
            new Correspondent("John Doe", Phone: "+44 20 7946 0000"), Received, Message: "Please call back before 5 pm", CallbackRequested: true);
        var registered = Correspondence.Register(call, null, Spec.As("clerk")).Numbered(2).OfType<CorrespondenceRegistered>().Single();
        registered.CallbackRequested.ShouldBeTrue();
        registered.HasMessage.ShouldBeTrue();
        registered.Channel.ShouldBe(CorrespondenceChannel.Phone);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("correspondent.name")]
    [InlineData("correspondent.email")]
    [InlineData("correspondent.phone")]
    [InlineData("occurredAt")]
    [InlineData("replyDueOn")]
    [InlineData("inReplyTo")]
    [InlineData("message")]
    [InlineData("callbackRequested")]
    public void Register_refuses_invalid_values(string field)
    {
        var letter = Letter();
        var bad = field switch
        {
            "subject" => letter with { Subject = " " },
            "correspondent.name" => letter with { Correspondent = letter.Correspondent with { Name = "" } },
            "correspondent.email" => letter with { Correspondent = letter.Correspondent with { Email = "not-an-address" } },
            "correspondent.phone" => letter with { Correspondent = letter.Correspondent with { Phone = "call me" } },
            "occurredAt" => letter with { OccurredAt = Spec.Now.AddHours(1) },
            "replyDueOn" => letter with { Direction = CorrespondenceDirection.Outbound },
            "inReplyTo" => letter with { InReplyTo = Spec.Id(1) },
            "message" => letter with { Message = "for the phone only" },
            "callbackRequested" => letter with { CallbackRequested = true },
            _ => letter,
        };
        Should.Throw<DomainException>(() => Correspondence.Register(bad, null, Spec.As("clerk"))).Field.ShouldBe(field);
    }

    // Answering (an outbound item registered in reply to this one), in every status

    private static RegisterCorrespondence Reply(Guid inReplyTo) => new(OutboundId, SubjectId, CorrespondenceDirection.Outbound, CorrespondenceChannel.Mail,
        "Re: Invoice dispute", new Correspondent("Jane Roe"), Spec.Now, InReplyTo: inReplyTo);

    [Theory]
    [InlineData(CorrespondenceStatus.Registered)]
    [InlineData(CorrespondenceStatus.Routed)]
    [InlineData(CorrespondenceStatus.Acknowledged)]
    public void An_outbound_reply_answers_an_open_inbound_item(CorrespondenceStatus status)
    {
        var inbound = Spec.Given(Correspondence.From, HistoryIn(status)).State;
        Correspondence.Register(Reply(ItemId), inbound, Spec.As("clerk")).Numbered(2)
            .OfType<CorrespondenceRegistered>().Single().InReplyTo.ShouldBe(ItemId);
        Spec.Given(Correspondence.From, HistoryIn(status))
            .When(c => c.Answer(OutboundId, Spec.Now))
            .Then(Answered)
            .And(c =>
            {
                c.Status.ShouldBe(CorrespondenceStatus.Replied);
                c.AnsweredBy.ShouldBe(OutboundId);
                c.TimeToReply.ShouldBe(TimeSpan.FromHours(2));
            });
    }

    [Theory]
    [InlineData(CorrespondenceStatus.Replied)]
    [InlineData(CorrespondenceStatus.Closed)]
    public void An_answered_or_closed_item_cannot_be_answered(CorrespondenceStatus status)
    {
        var inbound = Spec.Given(Correspondence.From, HistoryIn(status)).State;
        Should.Throw<DomainException>(() => Correspondence.Register(Reply(ItemId), inbound, Spec.As("clerk")))
            .Code.ShouldBe(ErrorCodes.CorrespondenceTransitionNotAllowed);
        Spec.Given(Correspondence.From, HistoryIn(status)).When(c => c.Answer(OutboundId, Spec.Now))
            .ThenRefused(ErrorCodes.CorrespondenceTransitionNotAllowed, "inReplyTo");
    }

    [Fact]
    public void A_reply_must_answer_a_known_inbound_item()
    {
        Should.Throw<DomainException>(() => Correspondence.Register(Reply(ItemId), null, Spec.As("clerk"))).Code.ShouldBe(ErrorCodes.NotFound);
        var outbound = Correspondence.From(Correspondence.Register(Reply(Spec.Id(5)) with { InReplyTo = null, CorrespondenceId = Spec.Id(5) }, null,
            Spec.As("clerk")).Numbered(3)).ShouldNotBeNull();
        Should.Throw<DomainException>(() => Correspondence.Register(Reply(Spec.Id(5)), outbound, Spec.As("clerk")))
            .Field.ShouldBe("inReplyTo");
    }

    // Routing, in every status

    [Theory]
    [InlineData(CorrespondenceStatus.Registered)]
    [InlineData(CorrespondenceStatus.Routed)]
    [InlineData(CorrespondenceStatus.Acknowledged)]
    public void Route_and_reroute_until_answered(CorrespondenceStatus status)
        => Spec.Given(Correspondence.From, HistoryIn(status))
            .When(c => c.Route(new RouteCorrespondence(DepartmentId: DepartmentId), Spec.As("clerk")))
            .Then(RoutedToDepartment)
            .And(c =>
            {
                c.Status.ShouldBe(CorrespondenceStatus.Routed);
                c.Addressee.ShouldBe(new Addressee(null, DepartmentId));
                c.AcknowledgedBy.ShouldBeNull();
            });

    [Theory]
    [InlineData(CorrespondenceStatus.Replied)]
    [InlineData(CorrespondenceStatus.Closed)]
    public void An_answered_or_closed_item_cannot_be_routed(CorrespondenceStatus status)
        => Spec.Given(Correspondence.From, HistoryIn(status))
            .When(c => c.Route(new RouteCorrespondence(EmployeeId), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.CorrespondenceTransitionNotAllowed);

    [Fact]
    public void Routing_again_to_the_same_addressee_changes_nothing()
        => Spec.Given(Correspondence.From, Registered, RoutedToEmployee)
            .When(c => c.Route(new RouteCorrespondence(EmployeeId), Spec.As("clerk")))
            .ThenNothing();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Route_to_exactly_one_addressee(bool both)
        => Spec.Given(Correspondence.From, Registered)
            .When(c => c.Route(both ? new RouteCorrespondence(EmployeeId, DepartmentId) : new RouteCorrespondence(), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "employeeId");

    // Acknowledging, in every status

    [Fact]
    public void The_addressed_employee_acknowledges()
        => Spec.Given(Correspondence.From, Registered, RoutedToEmployee)
            .When(c => c.Acknowledge(new AcknowledgeCorrespondence(EmployeeId, OtherDepartmentId), Spec.As("alice"), actingAsClerk: false))
            .Then(Acknowledged)
            .And(c => c.Status.ShouldBe(CorrespondenceStatus.Acknowledged));

    [Fact]
    public void A_member_of_the_addressed_department_acknowledges()
        => Spec.Given(Correspondence.From, Registered, RoutedToDepartment)
            .When(c => c.Acknowledge(new AcknowledgeCorrespondence(Spec.Id(911), DepartmentId), Spec.As("bob"), actingAsClerk: false))
            .Then(new CorrespondenceAcknowledged(ItemId, "bob", Spec.Id(911), Spec.Now));

    [Fact]
    public void A_clerk_acknowledges_for_the_addressee()
        => Spec.Given(Correspondence.From, Registered, RoutedToEmployee)
            .When(c => c.Acknowledge(new AcknowledgeCorrespondence(null, null), Spec.As("clerk"), actingAsClerk: true))
            .Then(new CorrespondenceAcknowledged(ItemId, "clerk", null, Spec.Now));

    [Theory]
    [InlineData(null, null)]
    [InlineData(911, 920)]
    public void Anyone_else_is_not_the_addressee(int? employee, int? department)
        => Spec.Given(Correspondence.From, Registered, RoutedToEmployee)
            .When(c => c.Acknowledge(new AcknowledgeCorrespondence(employee is { } e ? Spec.Id(e) : null, department is { } d ? Spec.Id(d) : null),
                Spec.As("mallory"), actingAsClerk: false))
            .ThenRefused(ErrorCodes.NotTheAddressee);

    [Fact]
    public void Another_department_is_not_the_addressee()
        => Spec.Given(Correspondence.From, Registered, RoutedToDepartment)
            .When(c => c.Acknowledge(new AcknowledgeCorrespondence(EmployeeId, OtherDepartmentId), Spec.As("alice"), actingAsClerk: false))
            .ThenRefused(ErrorCodes.NotTheAddressee);

    [Theory]
    [InlineData(CorrespondenceStatus.Registered)]
    [InlineData(CorrespondenceStatus.Acknowledged)]
    [InlineData(CorrespondenceStatus.Replied)]
    [InlineData(CorrespondenceStatus.Closed)]
    public void Only_a_routed_item_waits_for_an_acknowledgement(CorrespondenceStatus status)
        => Spec.Given(Correspondence.From, HistoryIn(status))
            .When(c => c.Acknowledge(new AcknowledgeCorrespondence(EmployeeId, DepartmentId), Spec.As("clerk"), actingAsClerk: true))
            .ThenRefused(ErrorCodes.CorrespondenceTransitionNotAllowed);

    // Closing, in every status

    [Theory]
    [InlineData(CorrespondenceStatus.Registered)]
    [InlineData(CorrespondenceStatus.Routed)]
    [InlineData(CorrespondenceStatus.Acknowledged)]
    [InlineData(CorrespondenceStatus.Replied)]
    public void Close_files_the_item(CorrespondenceStatus status)
        => Spec.Given(Correspondence.From, HistoryIn(status))
            .When(c => c.Close(new CloseCorrespondence(" F-01 "), Spec.As("clerk")))
            .Then(Closed)
            .And(c =>
            {
                c.Status.ShouldBe(CorrespondenceStatus.Closed);
                c.FilingCode.ShouldBe("F-01");
            });

    [Fact]
    public void A_closed_item_cannot_be_closed_again()
        => Spec.Given(Correspondence.From, HistoryIn(CorrespondenceStatus.Closed))
            .When(c => c.Close(new CloseCorrespondence("F-02"), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.CorrespondenceTransitionNotAllowed);

    [Fact]
    public void Close_needs_a_filing_code()
        => Spec.Given(Correspondence.From, Registered)
            .When(c => c.Close(new CloseCorrespondence(" "), Spec.As("clerk")))
            .ThenRefused(ErrorCodes.ValidationFailed, "filingCode");

    // Overdue replies and confidentiality

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_reply_is_overdue_after_its_day_until_answered_or_closed(CorrespondenceStatus status)
    {
        var item = Spec.Given(Correspondence.From, HistoryIn(status)).State;
        var due = item.ReplyDueOn!.Value;
        item.ReplyOverdueOn(due).ShouldBeFalse();
        item.ReplyOverdueOn(due.AddDays(1)).ShouldBe(status is not (CorrespondenceStatus.Replied or CorrespondenceStatus.Closed));
    }

    [Fact]
    public void The_overdue_query_predicate_is_the_overdue_rule()
    {
        var predicate = Correspondence.RepliesOverdueOn(Today).Compile();
        foreach (var status in Enum.GetValues<CorrespondenceStatus>())
        foreach (var direction in Enum.GetValues<CorrespondenceDirection>())
        foreach (DateOnly? due in new DateOnly?[] { null, Today.AddDays(-1), Today, Today.AddDays(1) })
        {
            var item = Spec.Given(Correspondence.From, HistoryIn(status)).State with { Direction = direction, ReplyDueOn = due };
            predicate(item).ShouldBe(item.ReplyOverdueOn(Today), $"{status} {direction} {due}");
        }
    }

    [Fact]
    public void A_confidential_item_shows_its_details_to_its_addressee_and_hr_only()
    {
        var toDepartment = Correspondence.From([Registered with { Confidential = true }, RoutedToDepartment]).ShouldNotBeNull();
        toDepartment.ShowsDetailsTo(new CorrespondenceReader(Spec.Id(911), DepartmentId, false)).ShouldBeTrue();
        toDepartment.ShowsDetailsTo(new CorrespondenceReader(null, null, true)).ShouldBeTrue();
        toDepartment.ShowsDetailsTo(new CorrespondenceReader(EmployeeId, OtherDepartmentId, false)).ShouldBeFalse();
        toDepartment.ShowsDetailsTo(new CorrespondenceReader(null, null, false)).ShouldBeFalse();
        Correspondence.From([Registered with { Confidential = true }]).ShouldNotBeNull()
            .ShowsDetailsTo(new CorrespondenceReader(EmployeeId, DepartmentId, false)).ShouldBeFalse();
        Correspondence.From([Registered]).ShouldNotBeNull().ShowsDetailsTo(new CorrespondenceReader(null, null, false)).ShouldBeTrue();
    }

    [Fact]
    public void A_known_correspondent_is_recognised_by_the_normalised_email()
    {
        new Correspondent("Jane", Email: " Jane.Roe@Example.COM ").Key.ShouldBe("jane.roe@example.com");
        new Correspondent("Jane", Phone: "+33 1 23").Key.ShouldBeNull();
    }
}
