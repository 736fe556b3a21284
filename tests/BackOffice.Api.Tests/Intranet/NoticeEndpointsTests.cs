using BackOffice.Api.Commands;
using BackOffice.Api.Intranet;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.HelpDesk;
using BackOffice.Api.Tests.People;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.Intranet;

namespace BackOffice.Api.Tests.Intranet;

/// <summary>Notices over HTTP: a policy to two departments, acknowledged by some, the compliance view listing the rest.</summary>
[Collection(ApiCollection.Name)]
public class NoticeEndpointsTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");

    /// <summary>An employee of <paramref name="department"/> linked to a user of their own, and that user's client.</summary>
    private async Task<(Guid EmployeeId, HttpClient Client)> Staff(Guid department)
    {
        var employee = await hr.Hire(department);
        var user = HelpDeskApi.NewUser("staff");
        await hr.PutJson($"/api/employees/{employee.Id}/user", new { userName = user }).Ok();
        return (employee.Id, api.User(user, roles: "clerk"));
    }

    private static object Policy(params Guid[] departments) => new
    {
        title = "Clean desk policy", body = "Clear your desk every evening.", audience = new { departmentIds = departments },
        requiresAcknowledgement = true, effectiveOn = RecruitingApi.Day(0), expiresOn = RecruitingApi.Day(30),
    };

    [Fact]
    public async Task A_policy_to_two_departments_is_acknowledged_by_some_and_the_compliance_view_lists_the_rest()
    {
        var sales = await hr.Department();
        var finance = await hr.Department();
        var elsewhere = await hr.Department();
        var (alice, aliceClient) = await Staff(sales);
        var (bob, _) = await Staff(sales);
        var (carol, carolClient) = await Staff(finance);
        var (_, outsiderClient) = await Staff(elsewhere);

        var published = await hr.PostJson("/api/notices", Policy(sales, finance));
        var id = (await published.ShouldBe<CommandResponse>(201)).Id;
        published.Headers.Location!.ToString().ShouldBe($"/api/notices/{id}");

        await aliceClient.PostJson($"/api/notices/{id}/acknowledge", new { }).Ok();
        (await aliceClient.PostJson($"/api/notices/{id}/acknowledge", new { }).Ok()).Version.ShouldBe(2);   // once per revision
        await carolClient.PostJson($"/api/notices/{id}/acknowledge", new { }).Ok();
        await (await outsiderClient.PostJson($"/api/notices/{id}/acknowledge", new { })).ShouldBeProblem(403, "not-in-audience");
        await (await api.User(HelpDeskApi.NewUser("unlinked")).PostJson($"/api/notices/{id}/acknowledge", new { })).ShouldBeProblem(403, "not-in-audience");

        var view = await (await aliceClient.GetAsync($"/api/notices/{id}")).ShouldBe<GetNoticeEndpoints.NoticeView>(200);
        (view.Revision, view.Status, view.Acknowledged, view.Pending, view.AcknowledgedByMe).ShouldBe((1, NoticeStatus.Published, 2, 1, true));
        view.Audience.DepartmentIds.ShouldBe([sales, finance], ignoreOrder: true);

        var compliance = await (await hr.GetAsync($"/api/notices/{id}/acknowledgements")).ShouldBe<GetNoticeEndpoints.Acknowledgements>(200);
        compliance.Revision.ShouldBe(1);
        compliance.Acknowledged.Select(a => a.EmployeeId).ShouldBe([alice, carol]);
        compliance.Pending.ShouldBe([new GetNoticeEndpoints.PendingBy(bob, sales)]);
        compliance.ByDepartment.ShouldBe(new[] { new GetNoticeEndpoints.DepartmentCompliance(sales, 1, 1), new GetNoticeEndpoints.DepartmentCompliance(finance, 1, 0) }
            .OrderBy(d => d.DepartmentId).ToList());

        // A material revision asks everyone again.
        await api.As("demo-manager").PostJson($"/api/notices/{id}/revise", new { body = "Clear your desk and lock your drawer.", material = true }).Ok();
        var revised = await (await hr.GetAsync($"/api/notices/{id}/acknowledgements")).ShouldBe<GetNoticeEndpoints.Acknowledgements>(200);
        revised.Revision.ShouldBe(2);
        revised.Acknowledged.ShouldBeEmpty();
        revised.Pending.Select(p => p.EmployeeId).ShouldBe(new[] { alice, bob, carol }.Order().ToList());
        (await (await aliceClient.GetAsync($"/api/notices/{id}")).ShouldBe<GetNoticeEndpoints.NoticeView>(200)).AcknowledgedByMe.ShouldBeFalse();

        // Reads: the outsider does not see it; the compliance view is hr's, managers' and auditors'.
        await (await outsiderClient.GetAsync($"/api/notices/{id}")).ShouldBeProblem(404, "not-found");
        (await (await outsiderClient.GetAsync("/api/notices")).ShouldBe<Page<GetNoticeEndpoints.Item>>(200)).Items.ShouldNotContain(i => i.Id == id);
        (await (await aliceClient.GetAsync("/api/notices?active=true")).ShouldBe<Page<GetNoticeEndpoints.Item>>(200)).Items.ShouldContain(i => i.Id == id);
        await (await aliceClient.GetAsync($"/api/notices/{id}/acknowledgements")).ShouldBeProblem(403, "forbidden");
        (await api.As("demo-auditor").GetAsync($"/api/notices/{id}/acknowledgements")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        // Withdrawn: no more acknowledgements or revisions.
        await hr.PostJson($"/api/notices/{id}/withdraw", new { reason = "Superseded" }).Ok();
        await (await aliceClient.PostJson($"/api/notices/{id}/acknowledge", new { })).ShouldBeProblem(409, "notice-withdrawn");
        await (await hr.PostJson($"/api/notices/{id}/revise", new { title = "x", material = false })).ShouldBeProblem(409, "notice-withdrawn");
        (await (await hr.GetAsync($"/api/notices/{id}")).ShouldBe<GetNoticeEndpoints.NoticeView>(200)).Status.ShouldBe(NoticeStatus.Withdrawn);
    }

    [Fact]
    public async Task Refusals_name_their_reason()
    {
        await (await api.As("demo-clerk").PostJson("/api/notices", Policy(Guid.NewGuid()))).ShouldBeProblem(403, "forbidden");
        await (await hr.PostJson("/api/notices", new { title = "t", body = "b", audience = new { allStaff = true, departmentIds = new[] { Guid.NewGuid() } },
            requiresAcknowledgement = false, effectiveOn = RecruitingApi.Day(0) })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/notices", new { title = "t", body = "b", audience = new { allStaff = true }, requiresAcknowledgement = false }))
            .ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/notices/{Guid.NewGuid()}/withdraw", new { reason = "r" })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-auditor").PostJson($"/api/notices/{Guid.NewGuid()}/acknowledge", new { })).ShouldBeProblem(403, "forbidden");

        var info = (await (await hr.PostJson("/api/notices", new { title = "Canteen closed Friday", body = "Closed.", audience = new { allStaff = true },
            requiresAcknowledgement = false, effectiveOn = RecruitingApi.Day(0) })).ShouldBe<CommandResponse>(201)).Id;
        var (_, staff) = await Staff(await hr.Department());
        await (await staff.PostJson($"/api/notices/{info}/acknowledge", new { })).ShouldBeProblem(409, "notice-not-acknowledgeable");
        await (await hr.PostJson($"/api/notices/{info}/revise", new { material = true })).ShouldBeProblem(400, "validation-failed");
    }
}
