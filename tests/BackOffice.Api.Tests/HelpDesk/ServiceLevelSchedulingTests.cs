using BackOffice.Api.Commands;
using BackOffice.Api.HelpDesk;
using BackOffice.Domain.HelpDesk;
using System.Net.Http.Json;
using Marten;
using Marten.Events;

namespace BackOffice.Api.Tests.HelpDesk;

/// <summary>
/// Breaches and automatic closes recorded by durable scheduled messages (Wolverine's scheduling on PostgreSQL), in a
/// tenant of their own with service levels of seconds; and the dashboard built from them.
/// </summary>
[Collection(ApiCollection.Name)]
public class ServiceLevelSchedulingTests(ApiFixture api)
{
    private async Task<(HttpClient Admin, string Tenant)> TenantWith(object settings)
    {
        var tenant = ApiFixture.FreshTenant("hd-");
        var admin = api.User("admin-" + tenant, tenant, "admin");
        await (await admin.PutAsJsonAsync("/api/help-desk/settings", settings)).ShouldBe<CommandResponse>(200);
        return (admin, tenant);
    }

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> Events(string tenant, Guid id)
    {
        await using var session = api.Store.QuerySession(tenant);
        return await session.Events.FetchStreamAsync(id);
    }

    [Fact]
    public async Task An_unanswered_request_breaches_its_first_response_once_with_the_opening_correlation()
    {
        var (admin, tenant) = await TenantWith(HelpDeskApi.ShortSettings(firstResponse: "PT2S", resolution: "PT1H"));
        var correlation = "hd-breach-" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostJson("/api/support-requests",
            new { category = "Network", priority = "Critical", summary = "VPN down", description = "No VPN since 9:00" }, h => h.Add("X-Correlation-Id", correlation));
        var id = (await response.ShouldBe<CommandResponse>(201)).Id;
        var answered = await admin.Open(priority: "Critical");
        await admin.Command(answered, "assign", new { assignee = "someone" });

        var breached = await admin.Eventually(id, r => r.SlaBreached.FirstResponse);
        breached.SlaBreached.Resolution.ShouldBeFalse();
        await Task.Delay(TimeSpan.FromSeconds(3));   // a few polling cycles more: still one breach
        var events = await Events(tenant, id);
        var breach = events.Where(e => e.Data is ServiceLevelBreached).ShouldHaveSingleItem();
        ((ServiceLevelBreached)breach.Data).Kind.ShouldBe(ServiceLevelKind.FirstResponse);
        breach.UserName.ShouldBe(ServiceLevelWorkflow.BreachActor);
        breach.CorrelationId.ShouldBe(correlation);
        breach.CausationId.ShouldBe(events[0].Id.ToString());
        // Answered in time: no breach.
        (await Events(tenant, answered)).ShouldNotContain(e => e.Data is ServiceLevelBreached);
    }

    [Fact]
    public async Task Waiting_on_the_requester_moves_the_resolution_deadline_and_the_check_is_rescheduled()
    {
        var (admin, tenant) = await TenantWith(HelpDeskApi.ShortSettings(firstResponse: "PT3S", resolution: "PT4S"));
        var id = await admin.Open(priority: "High");
        var agent = api.User("agent-" + tenant, tenant, "it");
        await agent.Command(id, "comments", new { text = "Need your asset tag", waitingOnRequester = true });   // clock stops at once
        await Task.Delay(TimeSpan.FromSeconds(6));                                                                 // past the original deadline
        (await Events(tenant, id)).ShouldNotContain(e => e.Data is ServiceLevelBreached);
        // The requester (an admin here, acting as the requester) answers: the clock runs again with 4 s left.
        var requester = api.User("admin-" + tenant, tenant, "clerk");
        await requester.Command(id, "comments", new { text = "It is PC-0042" });
        var breached = await admin.Eventually(id, r => r.SlaBreached.Resolution);
        breached.SlaBreached.FirstResponse.ShouldBeFalse();
        var breach = (ServiceLevelBreached)(await Events(tenant, id)).Single(e => e.Data is ServiceLevelBreached).Data;
        (breach.DueAt - breached.OpenedAt).ShouldBeGreaterThan(TimeSpan.FromSeconds(9));   // 4 s + a wait of ≥ 6 s
    }

    [Fact]
    public async Task A_resolved_request_closes_by_itself_once_its_window_ends_and_cannot_be_reopened_then()
    {
        var (admin, tenant) = await TenantWith(HelpDeskApi.ShortSettings(firstResponse: "PT1H", resolution: "PT2H", reopenWindow: "PT2S"));
        var id = await admin.Open(priority: "Critical");
        await admin.Command(id, "resolve", new { resolution = "Rebooted the router" });
        var closed = await admin.Eventually(id, r => r.Status == SupportRequestStatus.Closed);
        closed.ReopenableUntil.ShouldBeNull();
        await (await admin.PostJson($"/api/support-requests/{id}/reopen", new { reason = "down again" })).ShouldBeProblem(409, "reopen-window-passed");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var close = (await Events(tenant, id)).Where(e => e.Data is SupportRequestClosed).ShouldHaveSingleItem();
        close.UserName.ShouldBe(ServiceLevelWorkflow.CloseActor);

        // Reopened within its window, it does not close by itself at the end of the first window.
        var reopened = await admin.Open(priority: "Critical");
        await admin.Command(reopened, "resolve", new { resolution = "Rebooted" });
        await admin.Command(reopened, "reopen", new { reason = "Still down" });
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await admin.Request(reopened)).Status.ShouldBe(SupportRequestStatus.Open);
    }

    [Fact]
    public async Task The_dashboard_shows_the_queue_compliance_volume_and_time_to_resolve()
    {
        var (admin, tenant) = await TenantWith(HelpDeskApi.ShortSettings(firstResponse: "PT1S", resolution: "PT1H"));
        var breached = await admin.Open(priority: "Critical", category: "Network");
        var low = await admin.Open(priority: "Low", category: "Software");
        var resolved = await admin.Open(priority: "Medium", category: "Software");
        await admin.Command(resolved, "resolve", new { resolution = "Reinstalled" });
        await admin.Eventually(breached, r => r.SlaBreached.FirstResponse);

        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var dashboard = await (await admin.GetAsync("/api/dashboards/help-desk")).ShouldBe<GetHelpDeskDashboardEndpoint.Dashboard>(200);
        dashboard.Queue.Select(q => q.SupportRequestId).ShouldBe([breached, low]);
        dashboard.Queue[0].FirstResponseBreached.ShouldBeTrue();
        dashboard.Queue.ShouldAllBe(q => q.AgeSeconds >= 0);
        dashboard.QueueByPriority.Select(p => (p.Priority, p.Count)).ShouldBe([(SupportPriority.Critical, 1), (SupportPriority.Low, 1)]);
        var month = dashboard.SlaCompliance.ShouldHaveSingleItem();
        (month.Requests, month.FirstResponseBreaches, month.Compliant).ShouldBe((3, 1, 2));
        month.ComplianceRate.ShouldBe(0.6667);
        dashboard.VolumeByCategory.Select(v => (v.Category, v.Total, v.Active))
            .ShouldBe([(SupportCategory.Software, 2, 1), (SupportCategory.Network, 1, 1)]);
        dashboard.MeanTimeToResolve.Resolved.ShouldBe(1);
        dashboard.MeanTimeToResolve.MeanSeconds.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
        dashboard.MeanTimeToResolve.ByPriority.ShouldHaveSingleItem().Priority.ShouldBe(SupportPriority.Medium);
    }
}
