using BackOffice.Api.Commands;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.FrontDesk;
using Marten;
using Marten.Events;

namespace BackOffice.Api.Tests.FrontDesk;

[Collection(ApiCollection.Name)]
public class FrontDeskDashboardTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient hr = api.As("demo-hr");

    [Fact]
    public async Task The_dashboard_shows_pending_acknowledgements_overdue_replies_volumes_and_the_mean_time_to_reply()
    {
        var tag = RecruitingApi.Tag();
        var department = await hr.Department();
        var waiting = await clerk.Registered(FrontDeskApi.Letter(tag + "w"));
        var late = await clerk.Registered(FrontDeskApi.Letter(tag + "l", replyDueOn: RecruitingApi.Day(-2), receivedDaysAgo: 4));
        foreach (var id in new[] { waiting.Id, late.Id })
            await (await clerk.PostJson($"/api/correspondence/{id}/route", new { departmentId = department })).ShouldBe<CommandResponse>(200);
        var answered = await clerk.Registered(FrontDeskApi.Letter(tag + "a", receivedDaysAgo: 2));
        var reply = await clerk.Registered(new
        {
            direction = "Outbound", channel = "Email", subject = "Re", correspondent = new { name = "Jane" },
            occurredAt = DateTimeOffset.UtcNow.ToString("O"), inReplyTo = answered.Id,
        });

        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var dashboard = await (await api.As("demo-auditor").GetAsync("/api/dashboards/front-desk")).ShouldBe<GetFrontDeskDashboardEndpoint.Dashboard>(200);

        var pending = dashboard.PendingAcknowledgements.Where(p => p.DepartmentId == department).ShouldHaveSingleItem();
        pending.Count.ShouldBe(2);
        pending.EmployeeId.ShouldBeNull();
        var overdue = dashboard.RepliesOverdue.Where(o => o.Id == late.Id).ShouldHaveSingleItem();
        overdue.RegisterNumber.ShouldBe(late.RegisterNumber);
        overdue.DaysOverdue.ShouldBe(2);
        overdue.DepartmentId.ShouldBe(department);
        dashboard.RepliesOverdue.ShouldNotContain(o => o.Id == waiting.Id || o.Id == answered.Id);
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        dashboard.VolumePerChannelPerMonth.ShouldContain(v => v.Channel == CorrespondenceChannel.Email && v.Outbound >= 1 && v.Month == month);
        dashboard.VolumePerChannelPerMonth.ShouldContain(v => v.Channel == CorrespondenceChannel.Mail && v.Inbound >= 3);
        dashboard.MeanTimeToReply.Replies.ShouldBeGreaterThanOrEqualTo(1);
        dashboard.MeanTimeToReply.MeanHours.ShouldNotBeNull();
        dashboard.MeanTimeToReplyPerChannel.ShouldContain(c => c.Channel == CorrespondenceChannel.Mail);
        dashboard.PerStatus["Replied"].ShouldBeGreaterThanOrEqualTo(1);
        dashboard.PerStatus.Keys.ShouldBe(Enum.GetNames<CorrespondenceStatus>(), ignoreOrder: true);
        reply.RegisterNumber.ShouldNotBeNullOrEmpty();

        await using var session = api.Store.QuerySession("demo");
        var lines = await session.Query<BackOffice.Projections.FrontDesk.FrontDeskLine>().Where(l => l.Id == answered.Id).SingleAsync();
        lines.TimeToReply!.Value.TotalHours.ShouldBeInRange(47, 49);
        await (await api.CreateClient().GetAsync("/api/dashboards/front-desk")).ShouldBeProblem(401, "unauthenticated");
    }
}
