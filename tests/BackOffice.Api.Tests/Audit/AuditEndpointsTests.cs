using System.Text.Json;
using BackOffice.Api.Audit;
using BackOffice.Api.Inventory;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Domain.Inventory;
using BackOffice.Projections.Audit;
using Marten.Events;
using AuditPage = BackOffice.Api.Audit.ListAuditEventsEndpoint.AuditPage;

namespace BackOffice.Api.Tests.Audit;

[Collection(ApiCollection.Name)]
public class AuditEndpointsTests(ApiFixture api)
{
    private readonly HttpClient clerk = api.As("demo-clerk");
    private readonly HttpClient auditor = api.As("demo-auditor");

    private async Task<(Guid Id, string Correlation)> ChangedItem(HttpClient? client = null)
    {
        client ??= clerk;
        var correlation = "corr-" + Guid.NewGuid().ToString("N");
        var id = await client.Register();
        var receipt = await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 10 }, h =>
        {
            h.Add("X-Reason", "delivery note 4711");
            h.Add("X-Correlation-Id", correlation);
        });
        await receipt.ShouldBe<CommandResponse>(200);
        await client.PostJson($"/api/supply-items/{id}/issues", new { quantity = 3 }).Ok<IssueStockEndpoint.Response>();
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        return (id, correlation);
    }

    private async Task<AuditPage> Events(string query, HttpClient? client = null)
        => await (client ?? auditor).GetAsync($"/api/audit/events?{query}").Ok<AuditPage>();

    [Fact]
    public async Task An_auditor_finds_who_changed_an_item_when_why_and_under_which_correlation()
    {
        var (id, correlation) = await ChangedItem();
        var page = await Events($"streamId={id}");
        var items = page.Items;
        items.Select(i => i.Type).ShouldBe(["supply_item_registered_v1", "stock_received_v2", "stock_issued_v1"]);
        items.ShouldAllBe(i => i.StreamId == id);
        page.Next.ShouldBeNull();

        var receipt = items[1];
        receipt.User.ShouldBe("demo-clerk");
        receipt.Reason.ShouldBe("delivery note 4711");
        receipt.CorrelationId.ShouldBe(correlation);
        receipt.CausationId.ShouldNotBeNullOrEmpty();
        receipt.StreamType.ShouldBe("supply_item");
        receipt.Version.ShouldBe(2);
        receipt.Data.Deserialize<StockReceived>(HttpAssertions.Read).ShouldBe(new StockReceived(id, 10, null, null));
        receipt.Timestamp.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));

        (await Events($"correlationId={correlation}")).Items.ShouldHaveSingleItem().Sequence.ShouldBe(receipt.Sequence);
        (await Events($"streamId={id}&type=stock_issued_v1&user=demo-clerk")).Items.ShouldHaveSingleItem().Type.ShouldBe("stock_issued_v1");
        var from = Uri.EscapeDataString(receipt.Timestamp.ToString("O"));
        (await Events($"streamId={id}&from={from}")).Items.Count.ShouldBe(2);
        (await Events($"streamId={id}&to={from}")).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Pages_follow_the_sequence_with_next()
    {
        var (id, _) = await ChangedItem();
        var first = await Events($"streamId={id}&limit=2");
        first.Items.Count.ShouldBe(2);
        var next = first.Next.ShouldNotBeNull();
        next.ShouldBe(first.Items[1].Sequence);
        var second = await Events($"streamId={id}&limit=2&after={next}");
        second.Items.ShouldHaveSingleItem().Sequence.ShouldBeGreaterThan(next);
        second.Next.ShouldBeNull();
    }

    [Fact]
    public async Task The_trail_exports_as_csv_and_ndjson()
    {
        var (id, correlation) = await ChangedItem();
        var csv = await auditor.GetAsync($"/api/audit/export?format=csv&streamId={id}");
        ((int)csv.StatusCode).ShouldBe(200);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("sequence,streamId,streamType,version,type,timestamp,user,correlationId,causationId,reason,data");
        lines.Length.ShouldBe(4);
        lines[2].ShouldContain("stock_received_v2");
        lines[2].ShouldContain(correlation);
        lines[2].ShouldContain("delivery note 4711");
        lines[2].ShouldContain("\"{\"\"quantity\"\": 10");

        var ndjson = await auditor.GetAsync($"/api/audit/export?format=ndjson&streamId={id}");
        ((int)ndjson.StatusCode).ShouldBe(200);
        var rows = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<AuditEventView>(l, HttpAssertions.Read).ShouldNotBeNull()).ToList();
        rows.Select(r => r.Version).ShouldBe([1L, 2, 3]);
        rows.ShouldAllBe(r => r.StreamId == id);
        rows[1].Reason.ShouldBe("delivery note 4711");
        rows[1].CorrelationId.ShouldBe(correlation);
    }

    [Fact]
    public async Task The_chain_verifies_for_the_callers_tenant()
    {
        await ChangedItem();
        var result = await auditor.GetAsync("/api/audit/verify").Ok<ChainVerification>();
        result.Valid.ShouldBeTrue(result.ToString());
        result.CheckedEvents.ShouldBeGreaterThanOrEqualTo(3);
        result.FirstBreak.ShouldBeNull();
        var checkpoint = result.LastCheckpoint.ShouldNotBeNull();
        checkpoint.Sequence.ShouldBeGreaterThan(0);
        checkpoint.At.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_row_tampered_with_in_sql_is_caught()
    {
        var admin = api.As("tamper-admin");
        // The tenant is this test's alone: reset what an earlier run against the same database left broken.
        await using (var connection = new Npgsql.NpgsqlConnection(ApiFixture.ConnectionFor("tamper")))
        {
            await connection.OpenAsync();
            foreach (var table in new[] { "bo_audit_chain", "bo_audit_checkpoint", "mt_events", "mt_streams", "mt_doc_supplyitem", "mt_doc_auditentry" })
            {
                await using var reset = new Npgsql.NpgsqlCommand($"delete from api_tests.{table} where tenant_id = 'tamper'", connection);
                await reset.ExecuteNonQueryAsync();
            }
        }
        var (id, _) = await ChangedItem(admin);
        (await admin.GetAsync("/api/audit/verify").Ok<ChainVerification>()).Valid.ShouldBeTrue();
        var receipt = (await Events($"streamId={id}&type=stock_received_v2", admin)).Items.ShouldHaveSingleItem().Sequence;

        await using (var connection = new Npgsql.NpgsqlConnection(ApiFixture.ConnectionFor("tamper")))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "update api_tests.mt_events set data = jsonb_set(data, '{quantity}', '100') where seq_id = $1", connection);
            command.Parameters.AddWithValue(receipt);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var result = await admin.GetAsync("/api/audit/verify").Ok<ChainVerification>();
        result.Valid.ShouldBeFalse();
        result.FirstBreak.ShouldBe(new ChainBreak(receipt, "event-altered"));
    }

    [Fact]
    public async Task Only_auditors_and_admins_read_the_trail()
    {
        await (await clerk.GetAsync("/api/audit/events")).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-hr").GetAsync("/api/audit/export?format=csv")).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-manager").GetAsync("/api/audit/verify")).ShouldBeProblem(403, "forbidden");
        await (await api.CreateClient().GetAsync("/api/audit/events")).ShouldBeProblem(401, "unauthenticated");
        (await Events("limit=1", api.As("demo-admin"))).Items.Count.ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Malformed_filters_are_400()
    {
        var limit = await (await auditor.GetAsync("/api/audit/events?limit=1001")).ShouldBeProblem(400, "validation-failed");
        limit.GetProperty("errors").GetProperty("limit").GetArrayLength().ShouldBe(1);
        await (await auditor.GetAsync("/api/audit/events?limit=0")).ShouldBeProblem(400, "validation-failed");
        await (await auditor.GetAsync("/api/audit/events?streamId=nope")).ShouldBeProblem(400, "validation-failed");
        await (await auditor.GetAsync("/api/audit/events?from=yesterday")).ShouldBeProblem(400, "validation-failed");
        await (await auditor.GetAsync("/api/audit/events?after=-1")).ShouldBeProblem(400, "validation-failed");
        var format = await (await auditor.GetAsync("/api/audit/export?format=xml")).ShouldBeProblem(400, "validation-failed");
        format.GetProperty("errors").GetProperty("format").GetArrayLength().ShouldBe(1);
    }
}
