using System.Text.Json;
using BackOffice.Api.Tests.Inventory;
using Marten.Events;

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
        await receipt.ShouldBeJson(200);
        await client.PostJson($"/api/supply-items/{id}/issues", new { quantity = 3 });
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return (id, correlation);
    }

    [Fact]
    public async Task An_auditor_finds_who_changed_an_item_when_why_and_under_which_correlation()
    {
        var (id, correlation) = await ChangedItem();
        var page = await (await auditor.GetAsync($"/api/audit/events?streamId={id}")).ShouldBeJson(200);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("type").GetString()).ShouldBe(["supply_item_registered_v1", "stock_received_v2", "stock_issued_v1"]);
        page.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);

        var receipt = items[1];
        receipt.GetProperty("user").GetString().ShouldBe("demo-clerk");
        receipt.GetProperty("reason").GetString().ShouldBe("delivery note 4711");
        receipt.GetProperty("correlationId").GetString().ShouldBe(correlation);
        receipt.GetProperty("causationId").GetString().ShouldNotBeNullOrEmpty();
        receipt.GetProperty("streamType").GetString().ShouldBe("supply_item");
        receipt.GetProperty("version").GetInt64().ShouldBe(2);
        receipt.GetProperty("data").GetProperty("quantity").GetInt32().ShouldBe(10);
        receipt.GetProperty("timestamp").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));

        var byCorrelation = await (await auditor.GetAsync($"/api/audit/events?correlationId={correlation}")).ShouldBeJson(200);
        byCorrelation.GetProperty("items").GetArrayLength().ShouldBe(1);
        var byType = await (await auditor.GetAsync($"/api/audit/events?streamId={id}&type=stock_issued_v1&user=demo-clerk")).ShouldBeJson(200);
        byType.GetProperty("items").GetArrayLength().ShouldBe(1);
        var from = Uri.EscapeDataString(receipt.GetProperty("timestamp").GetDateTimeOffset().ToString("O"));
        var since = await (await auditor.GetAsync($"/api/audit/events?streamId={id}&from={from}")).ShouldBeJson(200);
        since.GetProperty("items").GetArrayLength().ShouldBe(2);
        var before = await (await auditor.GetAsync($"/api/audit/events?streamId={id}&to={from}")).ShouldBeJson(200);
        before.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Pages_follow_the_sequence_with_next()
    {
        var (id, _) = await ChangedItem();
        var first = await (await auditor.GetAsync($"/api/audit/events?streamId={id}&limit=2")).ShouldBeJson(200);
        first.GetProperty("items").GetArrayLength().ShouldBe(2);
        var next = first.GetProperty("next").GetInt64();
        next.ShouldBe(first.GetProperty("items")[1].GetProperty("sequence").GetInt64());
        var second = await (await auditor.GetAsync($"/api/audit/events?streamId={id}&limit=2&after={next}")).ShouldBeJson(200);
        second.GetProperty("items").GetArrayLength().ShouldBe(1);
        second.GetProperty("items")[0].GetProperty("sequence").GetInt64().ShouldBeGreaterThan(next);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
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
        var rows = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rows.Select(r => r.GetProperty("version").GetInt64()).ShouldBe([1L, 2, 3]);
        rows[1].GetProperty("reason").GetString().ShouldBe("delivery note 4711");
    }

    [Fact]
    public async Task The_chain_verifies_for_the_callers_tenant()
    {
        await ChangedItem();
        var result = await (await auditor.GetAsync("/api/audit/verify")).ShouldBeJson(200);
        result.GetProperty("valid").GetBoolean().ShouldBeTrue(result.ToString());
        result.GetProperty("checkedEvents").GetInt64().ShouldBeGreaterThanOrEqualTo(3);
        result.GetProperty("firstBreak").ValueKind.ShouldBe(JsonValueKind.Null);
        result.GetProperty("lastCheckpoint").GetProperty("sequence").GetInt64().ShouldBeGreaterThan(0);
        result.GetProperty("lastCheckpoint").GetProperty("at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_row_tampered_with_in_sql_is_caught()
    {
        var admin = api.As("tamper-admin");
        // The tenant is this test's alone: reset what an earlier run against the same database left broken.
        await using (var connection = new Npgsql.NpgsqlConnection(ApiFixture.Connection))
        {
            await connection.OpenAsync();
            foreach (var table in new[] { "bo_audit_chain", "bo_audit_checkpoint", "mt_events", "mt_streams", "mt_doc_supplyitem", "mt_doc_auditentry" })
            {
                await using var reset = new Npgsql.NpgsqlCommand($"delete from api_tests.{table} where tenant_id = 'tamper'", connection);
                await reset.ExecuteNonQueryAsync();
            }
        }
        var (id, _) = await ChangedItem(admin);
        (await (await admin.GetAsync("/api/audit/verify")).ShouldBeJson(200)).GetProperty("valid").GetBoolean().ShouldBeTrue();
        var receipt = (await (await admin.GetAsync($"/api/audit/events?streamId={id}&type=stock_received_v2")).ShouldBeJson(200))
            .GetProperty("items")[0].GetProperty("sequence").GetInt64();

        await using (var connection = new Npgsql.NpgsqlConnection(ApiFixture.Connection))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "update api_tests.mt_events set data = jsonb_set(data, '{quantity}', '100') where seq_id = $1", connection);
            command.Parameters.AddWithValue(receipt);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var result = await (await admin.GetAsync("/api/audit/verify")).ShouldBeJson(200);
        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        result.GetProperty("firstBreak").GetProperty("sequence").GetInt64().ShouldBe(receipt);
        result.GetProperty("firstBreak").GetProperty("reason").GetString().ShouldBe("event-altered");
    }

    [Fact]
    public async Task Only_auditors_and_admins_read_the_trail()
    {
        await (await clerk.GetAsync("/api/audit/events")).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-hr").GetAsync("/api/audit/export?format=csv")).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-manager").GetAsync("/api/audit/verify")).ShouldBeProblem(403, "forbidden");
        await (await api.CreateClient().GetAsync("/api/audit/events")).ShouldBeProblem(401, "unauthenticated");
        await (await api.As("demo-admin").GetAsync("/api/audit/events?limit=1")).ShouldBeJson(200);
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
