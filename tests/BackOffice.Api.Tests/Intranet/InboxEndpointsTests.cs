using BackOffice.Api.Commands;
using BackOffice.Api.Intranet;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.HelpDesk;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.People;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.Intranet;
using InboxPage = BackOffice.Api.Reads.Page<BackOffice.Api.Intranet.InboxEndpoints.Item>;

namespace BackOffice.Api.Tests.Intranet;

/// <summary>The inbox over HTTP: the caller's own items only, read marks, the unread filter, items leaving once acted on.</summary>
[Collection(ApiCollection.Name)]
public class InboxEndpointsTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");

    /// <summary>An employee of <paramref name="department"/> linked to a user of their own holding <paramref name="role"/>, and that user's client.</summary>
    private async Task<(Guid EmployeeId, HttpClient Client)> Staff(Guid department, string role)
    {
        var employee = await hr.Hire(department);
        var user = HelpDeskApi.NewUser("inbox-" + role);
        await hr.PutJson($"/api/employees/{employee.Id}/user", new { userName = user }).Ok();
        return (employee.Id, api.User(user, roles: role));
    }

    private static async Task<InboxPage> Inbox(HttpClient client, string query = "")
        => await (await client.GetAsync("/api/inbox?pageSize=200" + query)).ShouldBe<InboxPage>(200);

    /// <summary>Polls the caller's inbox until <paramref name="done"/> holds (the inbox is an async read model), at most 60 s.</summary>
    private static async Task<InboxPage> Eventually(HttpClient client, Func<InboxPage, bool> done, string query = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await Inbox(client, query);
            if (done(page)) return page;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The inbox never reached the expected state; last: {string.Join(", ", page.Items)}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_managers_inbox_shows_a_reorder_awaiting_approval_and_a_notice_to_acknowledge_that_another_users_does_not()
    {
        var sales = await hr.Department();
        var finance = await hr.Department();
        var (_, manager) = await Staff(sales, "manager");
        var (_, clerk) = await Staff(finance, "clerk");

        var clerkKey = api.As("demo-clerk");
        var supplyItem = await clerkKey.Stocked(20);
        var reorder = await clerkKey.RequestReorder(supplyItem, 12);
        var notice = (await (await hr.PostJson("/api/notices", new
        {
            title = $"Fire drill {RecruitingApi.Tag()}", body = "Meet at the car park.", audience = new { departmentIds = new[] { sales } },
            requiresAcknowledgement = true, effectiveOn = RecruitingApi.Day(0),
        })).ShouldBe<CommandResponse>(201)).Id;
        var reorderLink = $"/api/supply-items/{supplyItem}";
        var noticeLink = $"/api/notices/{notice}";

        var inbox = await Eventually(manager, p => p.Items.Any(i => i.Link == reorderLink) && p.Items.Any(i => i.Link == noticeLink));
        var reorderItem = inbox.Items.Single(i => i.Link == reorderLink);
        var noticeItem = inbox.Items.Single(i => i.Link == noticeLink);
        (reorderItem.Kind, reorderItem.Read).ShouldBe((InboxKinds.ReorderAwaitingApproval, false));
        reorderItem.Title.ShouldBe("Reorder of 12 units awaiting your approval");
        (noticeItem.Kind, noticeItem.Read).ShouldBe((InboxKinds.NoticeToAcknowledge, false));
        inbox.Items.ShouldBe(inbox.Items.OrderByDescending(i => i.At).ThenBy(i => i.Id).ToList());

        // Another user — a clerk of another department — sees neither; nor does the reorder's own requester, even as a manager.
        var clerkInbox = await Inbox(clerk);
        clerkInbox.Items.ShouldNotContain(i => i.Link == reorderLink || i.Link == noticeLink);
        (await Inbox(api.User("demo-clerk", roles: "manager"))).Items.ShouldNotContain(i => i.Link == reorderLink);
        await (await clerk.PostJson($"/api/inbox/{reorderItem.Id}/read", new { })).ShouldBeProblem(404, "not-found");

        // Mark read: the item stays, read; unread=true leaves it out; a second mark records nothing.
        var marked = await manager.PostJson($"/api/inbox/{reorderItem.Id}/read", new { }).Ok();
        marked.Id.ShouldBe(reorderItem.Id);
        (await manager.PostJson($"/api/inbox/{reorderItem.Id}/read", new { }).Ok()).Version.ShouldBe(marked.Version);
        (await Inbox(manager)).Items.Single(i => i.Id == reorderItem.Id).Read.ShouldBeTrue();
        var unread = await Inbox(manager, "&unread=true");
        unread.Items.ShouldNotContain(i => i.Id == reorderItem.Id);
        unread.Items.ShouldContain(i => i.Id == noticeItem.Id && !i.Read);
        unread.Total.ShouldBe(unread.Items.Count);
        // Read marks are per user: another manager still has it unread.
        (await Eventually(api.As("demo-manager"), p => p.Items.Any(i => i.Id == reorderItem.Id))).Items.Single(i => i.Id == reorderItem.Id).Read.ShouldBeFalse();

        // Acted on, the items leave: the reorder approved, the notice acknowledged.
        await api.As("demo-manager").PostJson($"/api/supply-items/{supplyItem}/reorders/{reorder}/approve", new { }).Ok();
        await manager.PostJson($"/api/notices/{notice}/acknowledge", new { }).Ok();
        await Eventually(manager, p => !p.Items.Any(i => i.Id == reorderItem.Id || i.Id == noticeItem.Id));
    }

    [Fact]
    public async Task Paging_and_bad_input()
    {
        var (_, manager) = await Staff(await hr.Department(), "manager");
        var page = await (await manager.GetAsync("/api/inbox?page=1&pageSize=1")).ShouldBe<InboxPage>(200);
        (page.Number, page.PageSize).ShouldBe((1, 1));
        page.Items.Count.ShouldBeLessThanOrEqualTo(1);
        await (await manager.GetAsync("/api/inbox?pageSize=0")).ShouldBeProblem(400, "validation-failed");
        await (await manager.GetAsync("/api/inbox?unread=maybe")).ShouldBeProblem(400, "validation-failed");
        await (await manager.PostJson($"/api/inbox/{Guid.NewGuid()}/read", new { })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-auditor").GetAsync("/api/inbox")).ShouldBeProblem(403, "forbidden");
    }
}
