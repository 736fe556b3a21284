using System.Text.Json;
using BackOffice.Api.Integration;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.Inventory;
using Marten;
using Marten.Events;
using Marten.Services;
using Npgsql;
using ChangePage = BackOffice.Api.Integration.ListChangesEndpoint.ChangePage;

namespace BackOffice.Api.Tests.Integration;

[Collection(ApiCollection.Name)]
public class ChangeFeedTests(ApiFixture api)
{
    private readonly HttpClient integrator = api.As("demo-integrator");

    private async Task<ChangePage> Changes(string query, HttpClient? client = null)
        => await (client ?? integrator).GetAsync($"/api/changes?{query}").Ok<ChangePage>();

    /// <summary>Every item after <paramref name="after"/>, following <c>next</c> page by page.</summary>
    private async Task<List<ChangeItem>> All(long after, int limit = 1000)
    {
        var items = new List<ChangeItem>();
        long? cursor = after;
        while (cursor is { } c)
        {
            var page = await Changes($"after={c}&limit={limit}");
            items.AddRange(page.Items);
            cursor = page.Next;
        }
        return items;
    }

    private static async Task<long> LastSequence()
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(max(seq_id), 0) from api_tests.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<long>> Sequences(string tenant, long after, long through)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select seq_id from api_tests.mt_events where tenant_id = $1 and seq_id > $2 and seq_id <= $3 order by seq_id", connection);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(after);
        command.Parameters.AddWithValue(through);
        var list = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetInt64(0));
        return list;
    }

    [Fact]
    public async Task The_feed_pages_the_tenants_events_in_sequence_order_with_next()
    {
        var start = await LastSequence();
        var clerk = api.As("demo-clerk");
        var id = await clerk.Register(InventoryApi.NewItem(reorderPoint: 0));   // no reorder raised by the issue
        await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 4 }).Ok();
        await clerk.PostJson($"/api/supply-items/{id}/issues", new { quantity = 1 }).Ok<BackOffice.Api.Inventory.IssueStockEndpoint.Response>();
        await api.WaitForProjections(TimeSpan.FromSeconds(30));

        var all = await All(start, limit: 2);
        all.Select(i => i.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        all.Select(i => i.Sequence).Distinct().Count().ShouldBe(all.Count);
        var mine = all.Where(i => i.StreamId == id).ToList();
        mine.Select(i => i.Type).ShouldBe(["supply_item_registered_v1", "stock_received_v2", "stock_issued_v1"]);
        mine.Select(i => i.Version).ShouldBe([1L, 2L, 3L]);
        mine.ShouldAllBe(i => i.StreamType == "supply_item");
        mine[1].Data.Deserialize<StockReceived>(HttpAssertions.Read).ShouldBe(new StockReceived(id, 4, null, null));
        // Only the caller's tenant, and everything of it: the feed equals the tenant's stored events after the cursor.
        all.Select(i => i.Sequence).ShouldBe(await Sequences("demo", start, all[^1].Sequence));

        var first = await Changes($"after={start}&limit=1");
        first.Items.ShouldHaveSingleItem();
        first.Next.ShouldBe(first.Items[0].Sequence);
        var end = await Changes($"after={all[^1].Sequence}");
        end.Items.ShouldBeEmpty();
        end.Next.ShouldBeNull();
        (await Changes($"after={start}&limit=1", api.As("demo-auditor"))).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_feed_refuses_bad_paging_and_other_roles()
    {
        await (await integrator.GetAsync("/api/changes?limit=1001")).ShouldBeProblem(400, "validation-failed");
        await (await integrator.GetAsync("/api/changes?limit=0")).ShouldBeProblem(400, "validation-failed");
        await (await integrator.GetAsync("/api/changes?after=abc")).ShouldBeProblem(400, "validation-failed");
        await (await integrator.GetAsync("/api/changes?after=-1")).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-clerk").GetAsync("/api/changes")).ShouldBeProblem(403, "forbidden");
        (await api.CreateClient().GetAsync("/api/changes")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        // The change feed is not the audit trail: integrators do not read who did what.
        await (await integrator.GetAsync("/api/audit/events")).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task The_feed_carries_ids_never_personal_values()
    {
        var start = await LastSequence();
        var hr = api.As("demo-hr");
        var applicant = await hr.Apply(await hr.Opening());
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var raw = new List<string>();
        long? cursor = start;
        while (cursor is { } c)
        {
            var response = await integrator.GetAsync($"/api/changes?after={c}&limit=1000");
            raw.Add(await response.Content.ReadAsStringAsync());
            cursor = (await response.ShouldBe<ChangePage>(200)).Next;
        }
        var text = string.Concat(raw);
        text.ShouldContain(applicant.Id.ToString());
        text.ShouldContain(applicant.SubjectId.ToString());
        foreach (var personal in new[] { applicant.Name, applicant.Email, applicant.Phone, applicant.Resume }) text.ShouldNotContain(personal);
    }

    [Fact]
    public async Task An_event_whose_transaction_commits_late_is_never_skipped()
    {
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var start = await LastSequence();
        var slow = Guid.CreateVersion7();
        // Append in a transaction of our own and keep it open: its sequence number is taken, its row invisible.
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = "demo";
        await using (var open = api.Store.LightweightSession(options))
        {
            open.Events.StartStream<SupplyItem>(slow, new SupplyItemRegistered(slow, "LATE-" + slow.ToString("N")[..12], "Pens", "box", "pens", "A1", 1, 2, null));
            await open.SaveChangesAsync();
        }
        // Later transactions commit meanwhile.
        var fast = await api.As("demo-clerk").Register();
        await api.As("demo-clerk").PostJson($"/api/supply-items/{fast}/receipts", new { quantity = 2 }).Ok();
        // Longer than Marten's stale-sequence threshold (3 s): the feed still must not pass the live hole.
        await Should.ThrowAsync<TimeoutException>(() => api.WaitForProjections(TimeSpan.FromSeconds(6)));
        var during = await All(start);
        during.ShouldNotContain(i => i.StreamId == fast);
        during.ShouldNotContain(i => i.StreamId == slow);
        var cursor = during.Count > 0 ? during[^1].Sequence : start;   // where a consumer stopped

        await transaction.CommitAsync();
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var after = await All(cursor);
        var late = after.Where(i => i.StreamId == slow).ShouldHaveSingleItem();
        var first = after.First(i => i.StreamId == fast);
        late.Sequence.ShouldBeLessThan(first.Sequence);   // it took its number first, committed last, and is served in its place
        late.Type.ShouldBe("supply_item_registered_v1");
        // Nothing skipped: the consumer's pages, joined, are exactly the tenant's events after its start.
        during.Concat(after).Select(i => i.Sequence).ShouldBe(await Sequences("demo", start, after[^1].Sequence));
    }
}
