using BackOffice.Api.Commands;
using BackOffice.Api.HelpDesk;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.HelpDesk;
using System.Net.Http.Json;
using BackOffice.Api.Reads;
using Marten;

namespace BackOffice.Api.Tests.HelpDesk;

/// <summary>Support requests over HTTP: the lifecycle, the read rules, personal data, settings and refusals.</summary>
[Collection(ApiCollection.Name)]
public class SupportRequestEndpointsTests(ApiFixture api)
{
    private readonly HttpClient it = api.As("demo-it");

    [Fact]
    public async Task A_request_is_opened_commented_waiting_resolved_reopened_resolved_and_confirmed()
    {
        var requesterName = HelpDeskApi.NewUser();
        var requester = api.User(requesterName, roles: "clerk");
        var id = await requester.Open(priority: "High", description: "Tray 2 jams");

        var opened = await requester.Request(id);
        opened.Requester.ShouldBe(requesterName);
        opened.Status.ShouldBe(SupportRequestStatus.Open);
        opened.Description.ShouldBe("Tray 2 jams");
        opened.FirstResponseDueAt.ShouldBe(opened.OpenedAt + TimeSpan.FromHours(4));
        opened.ResolutionDueAt.ShouldBe(opened.OpenedAt + TimeSpan.FromDays(1));
        opened.SlaBreached.ShouldBe(new GetSupportRequestEndpoint.SlaBreaches(false, false));
        opened.DeviceTicketId.ShouldBeNull();

        await it.Command(id, "assign", new { assignee = "demo-it" });
        await it.Command(id, "comments", new { text = "Which tray exactly?", waitingOnRequester = true });
        (await requester.Request(id)).Status.ShouldBe(SupportRequestStatus.WaitingOnRequester);
        await requester.Command(id, "comments", new { text = "Tray 2, the lower one." });
        var answered = await requester.Request(id);
        answered.Status.ShouldBe(SupportRequestStatus.Assigned);
        answered.ResolutionDueAt.ShouldBeGreaterThan(opened.ResolutionDueAt);   // the wait moved the deadline

        await it.Command(id, "resolve", new { resolution = "Replaced the pickup roller." });
        var resolved = await requester.Request(id);
        resolved.Status.ShouldBe(SupportRequestStatus.Resolved);
        resolved.Resolution.ShouldBe("Replaced the pickup roller.");
        resolved.ReopenableUntil.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(6));

        await requester.Command(id, "reopen", new { reason = "It jams again." });
        (await requester.Request(id)).Status.ShouldBe(SupportRequestStatus.Assigned);
        await it.Command(id, "resolve", new { resolution = "Replaced the tray." });
        var confirmed = await requester.Command(id, "confirm");

        var final = await requester.Request(id);
        final.Status.ShouldBe(SupportRequestStatus.Closed);
        final.Version.ShouldBe(confirmed.Version);
        final.Resolution.ShouldBe("Replaced the tray.");
        final.Comments.Select(c => (c.By, c.Text, c.WaitingOnRequester)).ShouldBe(
            [("demo-it", "Which tray exactly?", true), (requesterName, "Tray 2, the lower one.", false)]);
        final.Comments.ShouldAllBe(c => c.At >= final.OpenedAt);
        final.SlaBreached.ShouldBe(new GetSupportRequestEndpoint.SlaBreaches(false, false));

        // Closed for good: no reopening, no comment.
        await (await requester.PostJson($"/api/support-requests/{id}/reopen", new { reason = "again" })).ShouldBeProblem(409, "support-request-transition-not-allowed");
        await (await requester.PostJson($"/api/support-requests/{id}/comments", new { text = "hello?" })).ShouldBeProblem(409, "support-request-transition-not-allowed");

        // The history names each actor, oldest first.
        var history = await (await requester.GetAsync($"/api/support-requests/{id}/history")).ShouldBe<AggregateHistory.History>(200);
        history.Items.Select(i => i.Type).ShouldBe([
            "support_request_opened_v1", "support_request_assigned_v1", "support_request_commented_v1", "support_request_commented_v1",
            "support_request_resolved_v1", "support_request_reopened_v1", "support_request_resolved_v1", "support_request_confirmed_v1"]);
        history.Items[0].User.ShouldBe(requesterName);
    }


    [Fact]
    public async Task Refusals_name_their_reason()
    {
        var requester = api.User(HelpDeskApi.NewUser(), roles: "clerk");
        var id = await requester.Open();

        // Open: auditors do not open requests; a priority must be one of the four.
        await (await api.As("demo-auditor").PostJson("/api/support-requests", new { category = "Other", priority = "Low", summary = "s", description = "d" }))
            .ShouldBeProblem(403, "forbidden");
        await (await requester.PostJson("/api/support-requests", new { category = "Other", priority = "Urgent", summary = "s", description = "d" }))
            .ShouldBeProblem(400, "malformed-json");
        await (await requester.PostJson("/api/support-requests", new { category = "Other", priority = "Low", summary = "s" }))
            .ShouldBeProblem(400, "validation-failed");
        // Assign and resolve are it's.
        await (await requester.PostJson($"/api/support-requests/{id}/assign", new { assignee = "me" })).ShouldBeProblem(403, "forbidden");
        await (await requester.PostJson($"/api/support-requests/{id}/resolve", new { resolution = "done" })).ShouldBeProblem(403, "forbidden");
        // Someone else's request: no comment, no confirmation, no reopening.
        var other = api.User(HelpDeskApi.NewUser(), roles: "hr");
        await (await other.PostJson($"/api/support-requests/{id}/comments", new { text = "me too" })).ShouldBeProblem(403, "not-the-requester");
        await (await it.PostJson($"/api/support-requests/{id}/confirm", new { })).ShouldBeProblem(403, "not-the-requester");
        // Not resolved yet: nothing to confirm or reopen.
        await (await requester.PostJson($"/api/support-requests/{id}/confirm", new { })).ShouldBeProblem(409, "support-request-transition-not-allowed");
        await (await requester.PostJson($"/api/support-requests/{id}/reopen", new { reason = "why" })).ShouldBeProblem(409, "support-request-transition-not-allowed");
        // The requester cannot put their request waiting on themselves.
        await (await requester.PostJson($"/api/support-requests/{id}/comments", new { text = "wait", waitingOnRequester = true }))
            .ShouldBeProblem(400, "validation-failed");
        // Unknown, or another tenant's: 404.
        await (await it.PostJson($"/api/support-requests/{Guid.CreateVersion7()}/assign", new { assignee = "x" })).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/support-requests/{id}")).ShouldBeProblem(404, "not-found");
        // A stale If-Match: 412.
        await (await it.PostJson($"/api/support-requests/{id}/assign", new { assignee = "demo-it" }, h => h.IfMatch.Add(new("\"9\""))))
            .ShouldBeProblem(412, "version-mismatch");
        // A resolved request cannot be resolved again.
        await it.Command(id, "resolve", new { resolution = "done" });
        await (await it.PostJson($"/api/support-requests/{id}/resolve", new { resolution = "again" })).ShouldBeProblem(409, "support-request-transition-not-allowed");
        await (await it.PostJson($"/api/support-requests/{id}/assign", new { assignee = "demo-it" })).ShouldBeProblem(409, "support-request-transition-not-allowed");
    }

    [Fact]
    public async Task The_list_shows_the_queue_in_order_and_mine_is_the_callers()
    {
        var name = HelpDeskApi.NewUser();
        var requester = api.User(name, roles: "manager");
        var low = await requester.Open(priority: "Low");
        var critical = await requester.Open(priority: "Critical");
        var high = await requester.Open(priority: "High");
        await it.Command(high, "assign", new { assignee = name });

        var mine = await (await requester.GetAsync("/api/support-requests?mine=true")).ShouldBe<Page<ListSupportRequestsEndpoint.Item>>(200);
        mine.Items.Select(i => i.Id).ShouldBe([critical, high, low]);
        mine.Total.ShouldBe(3);
        var assigned = await (await requester.GetAsync($"/api/support-requests?assignee={name}&status=Assigned")).ShouldBe<Page<ListSupportRequestsEndpoint.Item>>(200);
        assigned.Items.Select(i => i.Id).ShouldBe([high]);
        var lows = await (await requester.GetAsync("/api/support-requests?mine=true&priority=low")).ShouldBe<Page<ListSupportRequestsEndpoint.Item>>(200);
        lows.Items.Select(i => i.Id).ShouldBe([low]);
        (await (await api.User(HelpDeskApi.NewUser()).GetAsync("/api/support-requests?mine=true")).ShouldBe<Page<ListSupportRequestsEndpoint.Item>>(200)).Total.ShouldBe(0);
        await (await requester.GetAsync("/api/support-requests?status=Pending")).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task Description_and_comments_are_the_requesters_personal_data_and_erasure_removes_them()
    {
        var name = HelpDeskApi.NewUser();
        var requester = api.User(name, roles: "clerk");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await requester.Open(description: $"My laptop {tag} shows my bank details");
        await it.Command(id, "comments", new { text = $"Comment about {tag}" });
        var view = await requester.Request(id);

        var hr = api.As("demo-hr");
        var held = await (await hr.GetAsync($"/api/personal-data/{view.SubjectId}")).ShouldBe<GetPersonalDataEndpoint.PersonalDataView>(200);
        held.Fields.Values.ShouldContain($"My laptop {tag} shows my bank details");
        held.Fields.Values.ShouldContain($"Comment about {tag}");
        held.Streams.ShouldContain(new GetPersonalDataEndpoint.StreamView(id, HelpDeskFields.StreamType));

        // No event carries the text.
        await using (var session = api.Store.QuerySession("demo"))
        {
            var events = await session.Events.FetchStreamAsync(id);
            events.ShouldNotBeEmpty();
            events.ShouldAllBe(e => !System.Text.Json.JsonSerializer.Serialize(e.Data, (System.Text.Json.JsonSerializerOptions?)null).Contains(tag));
        }

        (await hr.DeleteAsync($"/api/personal-data/{view.SubjectId}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        var erased = await requester.Request(id);
        erased.PersonalDataErased.ShouldBeTrue();
        erased.Description.ShouldBeNull();
        erased.Comments.ShouldHaveSingleItem().Text.ShouldBeNull();
        erased.Summary.ShouldBe(view.Summary);
    }

    [Fact]
    public async Task Settings_are_per_tenant_and_requests_take_those_in_force_when_opened()
    {
        var tenant = ApiFixture.FreshTenant("hd-");
        var admin = api.User("admin-" + tenant, tenant, "admin");
        var defaults = await (await admin.GetAsync("/api/help-desk/settings")).ShouldBe<HelpDeskSettingsEndpoints.Settings>(200);
        defaults.Critical.ShouldBe(new HelpDeskSettingsEndpoints.Level("PT1H", "PT4H"));
        defaults.High.ShouldBe(new HelpDeskSettingsEndpoints.Level("PT4H", "P1D"));
        defaults.Medium.ShouldBe(new HelpDeskSettingsEndpoints.Level("P1D", "P3D"));
        defaults.Low.ShouldBe(new HelpDeskSettingsEndpoints.Level("P3D", "P10D"));
        defaults.ReopenWindow.ShouldBe("P7D");

        var before = await admin.Open(priority: "Critical");
        (await (await admin.PutAsJsonAsync("/api/help-desk/settings", HelpDeskApi.ShortSettings("PT30M", "PT2H", "P2D"))).ShouldBe<CommandResponse>(200)).Version.ShouldBe(1);
        var after = await admin.Open(priority: "Critical");
        var old = await admin.Request(before);
        var fresh = await admin.Request(after);
        (old.FirstResponseDueAt - old.OpenedAt).ShouldBe(TimeSpan.FromHours(1));
        (fresh.FirstResponseDueAt - fresh.OpenedAt).ShouldBe(TimeSpan.FromMinutes(30));
        (fresh.ResolutionDueAt - fresh.OpenedAt).ShouldBe(TimeSpan.FromHours(2));
        (await (await admin.GetAsync("/api/help-desk/settings")).ShouldBe<HelpDeskSettingsEndpoints.Settings>(200)).ReopenWindow.ShouldBe("P2D");
        // Another tenant still has the defaults.
        (await (await api.As("acme-admin").GetAsync("/api/help-desk/settings")).ShouldBe<HelpDeskSettingsEndpoints.Settings>(200)).ReopenWindow.ShouldBe("P7D");

        await (await admin.PutAsJsonAsync("/api/help-desk/settings", HelpDeskApi.ShortSettings("PT4H", "PT1H"))).ShouldBeProblem(400, "validation-failed");
        await (await admin.PutAsJsonAsync("/api/help-desk/settings", HelpDeskApi.ShortSettings("four hours"))).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-clerk").PutAsJsonAsync("/api/help-desk/settings", HelpDeskApi.ShortSettings())).ShouldBeProblem(403, "forbidden");
    }
}
