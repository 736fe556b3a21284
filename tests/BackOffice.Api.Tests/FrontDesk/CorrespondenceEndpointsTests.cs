using BackOffice.Api.Commands;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.FrontDesk;

namespace BackOffice.Api.Tests.FrontDesk;

[Collection(ApiCollection.Name)]
public class CorrespondenceEndpointsTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient hr = api.As("demo-hr");

    [Fact]
    public async Task A_letter_comes_in_is_routed_acknowledged_answered_by_a_letter_and_closed()
    {
        var tag = RecruitingApi.Tag();
        var department = await hr.Department();
        var (addressee, user) = api.NewUser("manager");
        var employee = await hr.Employee(department, user);

        var letter = await clerk.Registered(FrontDeskApi.Letter(tag));
        letter.Version.ShouldBe(1);
        letter.RegisterNumber.ShouldMatch($@"^{DateTime.UtcNow.Year}-\d{{6}}$");
        var registered = await clerk.Item(letter.Id);
        registered.Status.ShouldBe(CorrespondenceStatus.Registered);
        registered.Subject.ShouldBe($"Invoice dispute {tag}");
        registered.Correspondent.ShouldBe(new CorrespondentView($"Jane Roe-{tag}", $"Roe Ltd {tag}", $"jane.{tag}@example.org", "+33 1 23 45 67 89", $"1 rue {tag}, Paris"));
        registered.SubjectId.ShouldBe(letter.SubjectId);
        registered.RegisterNumber.ShouldBe(letter.RegisterNumber);
        registered.ReplyOverdue.ShouldBeFalse();

        // Route: only a clerk, only to someone of the tenant.
        await (await addressee.PostJson($"/api/correspondence/{letter.Id}/route", new { employeeId = employee })).ShouldBeProblem(403, "forbidden");
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/route", new { employeeId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/route", new { departmentId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/route", new { })).ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/acknowledge", new { })).ShouldBeProblem(409, "correspondence-transition-not-allowed");
        var routed = await clerk.PostJson($"/api/correspondence/{letter.Id}/route", new { employeeId = employee });
        (await routed.ShouldBe<CommandResponse>(200)).Version.ShouldBe(2);
        routed.Headers.ETag!.Tag.ShouldBe("\"2\"");

        // Acknowledge: the addressee, not someone else.
        var (stranger, strangerUser) = api.NewUser("manager");
        await hr.Employee(department, strangerUser);
        await (await stranger.PostJson($"/api/correspondence/{letter.Id}/acknowledge", new { })).ShouldBeProblem(403, "not-the-addressee");
        await (await api.As("demo-auditor").PostJson($"/api/correspondence/{letter.Id}/acknowledge", new { })).ShouldBeProblem(403, "forbidden");
        (await (await addressee.PostAsync($"/api/correspondence/{letter.Id}/acknowledge", null)).ShouldBe<CommandResponse>(200)).Version.ShouldBe(3);
        var acknowledged = await addressee.Item(letter.Id);
        acknowledged.Status.ShouldBe(CorrespondenceStatus.Acknowledged);
        acknowledged.AcknowledgedBy.ShouldBe(user);
        acknowledged.Addressee.ShouldBe(new AddresseeView(employee, null));

        // The answer: an outbound letter in reply.
        await (await clerk.PostJson("/api/correspondence", new
        {
            direction = "Inbound", channel = "Mail", subject = "Re", correspondent = new { name = "Jane" }, occurredAt = DateTimeOffset.UtcNow.ToString("O"), inReplyTo = letter.Id,
        })).ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson("/api/correspondence", Reply(tag, Guid.NewGuid()))).ShouldBeProblem(404, "not-found");
        var reply = await clerk.Registered(Reply(tag, letter.Id));
        reply.SubjectId.ShouldBe(letter.SubjectId, "the same e-mail address is the same correspondent");
        string.CompareOrdinal(reply.RegisterNumber, letter.RegisterNumber).ShouldBeGreaterThan(0);
        await (await clerk.PostJson("/api/correspondence", Reply(tag, letter.Id))).ShouldBeProblem(409, "correspondence-transition-not-allowed");
        var replied = await clerk.Item(letter.Id);
        replied.Status.ShouldBe(CorrespondenceStatus.Replied);
        replied.AnsweredBy.ShouldBe(reply.Id);
        replied.RepliedAt.ShouldNotBeNull();
        (await clerk.Item(reply.Id)).InReplyTo.ShouldBe(letter.Id);

        // Close.
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/close", new { filingCode = " " })).ShouldBeProblem(400, "validation-failed");
        await (await addressee.PostJson($"/api/correspondence/{letter.Id}/close", new { filingCode = "F-1" })).ShouldBeProblem(403, "forbidden");
        (await (await clerk.PostJson($"/api/correspondence/{letter.Id}/close", new { filingCode = "CUST/2026/F-1" })).ShouldBe<CommandResponse>(200)).Version.ShouldBe(5);
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/close", new { filingCode = "F-2" })).ShouldBeProblem(409, "correspondence-transition-not-allowed");
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/route", new { employeeId = employee })).ShouldBeProblem(409, "correspondence-transition-not-allowed");
        var closed = await clerk.Item(letter.Id);
        closed.Status.ShouldBe(CorrespondenceStatus.Closed);
        closed.FilingCode.ShouldBe("CUST/2026/F-1");
        closed.Version.ShouldBe(5);

        var history = await (await api.As("demo-auditor").GetAsync($"/api/correspondence/{letter.Id}/history")).ShouldBeJson(200);
        history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldBe(
            ["correspondence_registered_v1", "correspondence_routed_v1", "correspondence_acknowledged_v1", "correspondence_answered_v1", "correspondence_closed_v1"]);
        history.ToString().ShouldNotContain($"Jane Roe-{tag}");
        history.ToString().ShouldNotContain($"Invoice dispute {tag}");

        await (await clerk.GetAsync($"/api/correspondence/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/correspondence/{letter.Id}")).ShouldBeProblem(404, "not-found");
        await (await clerk.PostJson($"/api/correspondence/{Guid.NewGuid()}/close", new { filingCode = "F" })).ShouldBeProblem(404, "not-found");
    }

    private static object Reply(string tag, Guid inReplyTo) => new
    {
        direction = "Outbound", channel = "Mail", subject = $"Re: Invoice dispute {tag}",
        correspondent = new { name = $"Jane Roe-{tag}", email = $"JANE.{tag}@Example.org " },
        occurredAt = DateTimeOffset.UtcNow.ToString("O"), inReplyTo,
    };

    [Fact]
    public async Task An_item_cannot_be_routed_to_a_terminated_employee()
    {
        var employee = await hr.Employee(await hr.Department());
        await (await hr.PostJson($"/api/employees/{employee}/terminate", new { reason = "Retirement", effectiveOn = RecruitingApi.Day(0) })).ShouldBe<CommandResponse>(200);
        var letter = await clerk.Registered(FrontDeskApi.Letter(RecruitingApi.Tag()));
        await (await clerk.PostJson($"/api/correspondence/{letter.Id}/route", new { employeeId = employee })).ShouldBeProblem(409, "employee-terminated");
        (await clerk.Item(letter.Id)).Status.ShouldBe(CorrespondenceStatus.Registered);
    }

    [Fact]
    public async Task A_phone_message_for_an_absent_employee_is_registered_and_routed_to_them()
    {
        var tag = RecruitingApi.Tag();
        var (absentee, user) = api.NewUser("it");
        var employee = await hr.Employee(await hr.Department(), user);
        var call = await clerk.Registered(new
        {
            direction = "Inbound", channel = "Phone", subject = $"Lease renewal {tag}",
            correspondent = new { name = $"Carl Caller-{tag}", phone = "+44 20 7946 0000" },
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
            message = $"Please call back before 5 pm about {tag}", callbackRequested = true,
        });
        await (await clerk.PostJson($"/api/correspondence/{call.Id}/route", new { employeeId = employee })).ShouldBe<CommandResponse>(200);

        var seen = await absentee.Item(call.Id);
        seen.Channel.ShouldBe(CorrespondenceChannel.Phone);
        seen.Direction.ShouldBe(CorrespondenceDirection.Inbound);
        seen.Message.ShouldBe($"Please call back before 5 pm about {tag}");
        seen.CallbackRequested.ShouldBeTrue();
        seen.Correspondent!.Phone.ShouldBe("+44 20 7946 0000");
        seen.Correspondent.Email.ShouldBeNull();
        seen.Status.ShouldBe(CorrespondenceStatus.Routed);

        var mine = await (await absentee.GetAsync($"/api/correspondence?employeeId={employee}&status=Routed&channel=Phone"))
            .ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200);
        mine.Items.Select(i => i.Id).ShouldBe([call.Id]);
        mine.Items[0].CallbackRequested.ShouldBeTrue();
        (await (await absentee.PostAsync($"/api/correspondence/{call.Id}/acknowledge", null)).ShouldBe<CommandResponse>(200)).Version.ShouldBe(3);

        await (await clerk.PostJson("/api/correspondence", new
        {
            direction = "Inbound", channel = "Mail", subject = "S", correspondent = new { name = "N" }, occurredAt = DateTimeOffset.UtcNow.ToString("O"), message = "only by phone",
        })).ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson("/api/correspondence", new { direction = "Inbound", channel = "Pigeon", subject = "S", correspondent = new { name = "N" } }))
            .ShouldBeProblem(400, "malformed-json");
        await (await clerk.PostJson("/api/correspondence", new { direction = "Inbound", channel = "Mail", subject = "S", occurredAt = DateTimeOffset.UtcNow.ToString("O") }))
            .ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/correspondence", FrontDeskApi.Letter(tag))).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task A_confidential_item_shows_subject_and_correspondent_to_its_addressee_and_hr_only()
    {
        var tag = RecruitingApi.Tag();
        var legal = await hr.Department("Legal " + tag);
        var sales = await hr.Department("Sales " + tag);
        var (lawyer, lawyerUser) = api.NewUser("manager");
        await hr.Employee(legal, lawyerUser);
        var (otherClerk, otherClerkUser) = api.NewUser("clerk");
        await hr.Employee(sales, otherClerkUser);

        var secret = await clerk.Registered(FrontDeskApi.Letter(tag, confidential: true));
        await (await clerk.PostJson($"/api/correspondence/{secret.Id}/route", new { departmentId = legal })).ShouldBe<CommandResponse>(200);

        var forAddressee = await lawyer.Item(secret.Id);
        forAddressee.DetailsHidden.ShouldBeFalse();
        forAddressee.Subject.ShouldBe($"Invoice dispute {tag}");
        forAddressee.Correspondent!.Name.ShouldBe($"Jane Roe-{tag}");
        (await hr.Item(secret.Id)).Subject.ShouldBe($"Invoice dispute {tag}");
        (await api.As("demo-admin").Item(secret.Id)).Correspondent.ShouldNotBeNull();

        foreach (var outsider in new[] { otherClerk, clerk, api.As("demo-auditor") })
        {
            var hidden = await outsider.Item(secret.Id);
            hidden.DetailsHidden.ShouldBeTrue();
            hidden.Subject.ShouldBeNull();
            hidden.Correspondent.ShouldBeNull();
            hidden.SubjectId.ShouldBeNull();
            hidden.RegisterNumber.ShouldBe(secret.RegisterNumber);
            hidden.Status.ShouldBe(CorrespondenceStatus.Routed);
            hidden.Channel.ShouldBe(CorrespondenceChannel.Mail);
            var listed = await (await outsider.GetAsync($"/api/correspondence?departmentId={legal}")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200);
            listed.Items.ShouldHaveSingleItem().Subject.ShouldBeNull();
            listed.Items[0].Correspondent.ShouldBeNull();
        }
        var forLawyer = await (await lawyer.GetAsync($"/api/correspondence?departmentId={legal}")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200);
        forLawyer.Items.ShouldHaveSingleItem().Correspondent.ShouldBe($"Jane Roe-{tag}");

        // The member of the addressed department acknowledges; the other department's clerk may too (as clerk), but sees nothing more.
        (await (await lawyer.PostAsync($"/api/correspondence/{secret.Id}/acknowledge", null)).ShouldBe<CommandResponse>(200)).Version.ShouldBe(3);
    }

    [Fact]
    public async Task The_register_lists_filters_and_flags_overdue_replies()
    {
        var tag = RecruitingApi.Tag();
        var department = await hr.Department();
        var late = await clerk.Registered(FrontDeskApi.Letter(tag, replyDueOn: RecruitingApi.Day(-1), receivedDaysAgo: 5));
        var onTime = await clerk.Registered(FrontDeskApi.Letter(tag + "b", replyDueOn: RecruitingApi.Day(3)));
        foreach (var id in new[] { late.Id, onTime.Id })
            await (await clerk.PostJson($"/api/correspondence/{id}/route", new { departmentId = department })).ShouldBe<CommandResponse>(200);

        (await clerk.Item(late.Id)).ReplyOverdue.ShouldBeTrue();
        var overdue = await (await clerk.GetAsync($"/api/correspondence?departmentId={department}&overdue=true")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200);
        overdue.Items.Select(i => i.Id).ShouldBe([late.Id]);
        overdue.Items[0].ReplyOverdue.ShouldBeTrue();
        var notOverdue = await (await clerk.GetAsync($"/api/correspondence?departmentId={department}&overdue=false")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200);
        notOverdue.Items.Select(i => i.Id).ShouldBe([onTime.Id]);
        var all = await (await clerk.GetAsync($"/api/correspondence?departmentId={department}&direction=Inbound&channel=Mail&status=Routed")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200);
        all.Items.Select(i => i.Id).ShouldBe([late.Id, onTime.Id], "register-number order");
        all.Total.ShouldBe(2);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-2).ToString("O"));
        (await (await clerk.GetAsync($"/api/correspondence?departmentId={department}&from={from}")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200))
            .Items.Select(i => i.Id).ShouldBe([onTime.Id]);
        (await (await clerk.GetAsync($"/api/correspondence?departmentId={department}&to={from}")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200))
            .Items.Select(i => i.Id).ShouldBe([late.Id]);
        (await (await clerk.GetAsync($"/api/correspondence?departmentId={department}&status=Closed")).ShouldBe<Page<ListCorrespondenceEndpoint.Item>>(200)).Total.ShouldBe(0);

        await (await clerk.PostJson($"/api/correspondence/{late.Id}/close", new { filingCode = "NO-REPLY" })).ShouldBe<CommandResponse>(200);
        (await clerk.Item(late.Id)).ReplyOverdue.ShouldBeFalse("a closed item is no longer waiting for its reply");

        await (await clerk.GetAsync("/api/correspondence?status=Lost")).ShouldBeProblem(400, "validation-failed");
        await (await clerk.GetAsync("/api/correspondence?channel=Pigeon")).ShouldBeProblem(400, "validation-failed");
        await (await clerk.GetAsync("/api/correspondence?pageSize=500")).ShouldBeProblem(400, "validation-failed");
    }
}
