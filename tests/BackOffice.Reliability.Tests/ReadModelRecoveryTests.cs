using System.Net;
using System.Net.Http.Json;
using BackOffice.Projections;
using BackOffice.Projections.Audit;
using BackOffice.Projections.Inventory;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// After PostgreSQL restarts under load, the async daemon resumes by itself, and no projection row was skipped or
/// applied twice: each async read model equals a fresh rebuild from the events.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public class ReadModelRecoveryTests(ApiProcess host)
{
    [Fact]
    public async Task After_a_postgres_restart_mid_load_every_async_read_model_equals_a_fresh_rebuild()
    {
        using var setup = host.Client();
        // Issues name departments that exist in the tenant (ids are checked).
        var departments = new List<Guid>();
        using (var hr = host.Client("demo-hr"))
            for (var i = 0; i < 3; i++)
            {
                var created = await hr.PostAsJsonAsync("/api/departments", new { name = "Recovery " + Guid.NewGuid().ToString("N")[..8] });
                created.EnsureSuccessStatusCode();
                departments.Add((await created.Content.ReadFromJsonAsync<CreatedId>())!.Id);
            }
        var items = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await ApiProcess.RegisterItem(setup);
            await setup.PostAsJsonAsync($"/api/supply-items/{id}/receipts", new { quantity = 10_000 });
            items.Add(id);
        }
        using var stop = new CancellationTokenSource();
        async Task Client(int n)
        {
            using var http = host.Client(timeout: TimeSpan.FromSeconds(10));
            var random = new Random(n);
            while (!stop.IsCancellationRequested)
            {
                var item = items[random.Next(items.Count)];
                try
                {
                    if (random.Next(3) == 0)
                        await http.PostAsJsonAsync($"/api/supply-items/{item}/receipts", new { quantity = random.Next(1, 4) });
                    else
                        await http.PostAsJsonAsync($"/api/supply-items/{item}/issues", new { quantity = 1, departmentId = departments[random.Next(departments.Count)] });
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(5);
            }
        }
        var load = Enumerable.Range(0, 8).Select(n => Task.Run(() => Client(n))).ToArray();
        await Task.Delay(700);
        await host.StopPostgres();
        await Task.Delay(1500);
        await host.StartPostgres();
        await Task.Delay(1500);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        await WaitForDaemonToCatchUp();
        var audit = await Rows("mt_doc_auditentry");
        var dashboards = await Rows("mt_doc_inventorydashboarditem");
        audit.Count.ShouldBe((int)await host.Scalar("select count(*) from backoffice.mt_events"));

        host.KillApi();
        try
        {
            await RebuildAsync();
            (await Rows("mt_doc_auditentry")).ShouldBe(audit);
            (await Rows("mt_doc_inventorydashboarditem")).ShouldBe(dashboards);
        }
        finally
        {
            await host.StartApi();
        }
        (await setup.GetAsync($"/api/supply-items/{items[0]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task WaitForDaemonToCatchUp()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var max = await host.Scalar("select coalesce(max(seq_id), 0) from backoffice.mt_events");
            var slowest = await host.Scalar(
                "select coalesce(min(last_seq_id), 0) from backoffice.mt_event_progression where name not like 'HighWater%'");
            if (slowest >= max) return;
            if (DateTime.UtcNow > deadline)
            {
                var progress = await host.Text("select string_agg(name || '=' || last_seq_id, ', ') from backoffice.mt_event_progression");
                throw new TimeoutException($"The daemon did not catch up: {slowest} of {max} ({progress}).");
            }
            await Task.Delay(100);
        }
    }

    private async Task RebuildAsync()
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(host.TestConnection.Replace("Command Timeout=15", "Command Timeout=120", StringComparison.Ordinal));
            o.DatabaseSchemaName = "backoffice";
            o.AddBackOffice(b => b.SchemaName = "backoffice");
        });
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(AuditTrail.ProjectionName, TimeSpan.FromMinutes(2), CancellationToken.None);
        await daemon.RebuildProjectionAsync<InventoryDashboardProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        await daemon.StopAllAsync();
    }

    private async Task<List<string>> Rows(string table)
    {
        await using var connection = new NpgsqlConnection(host.TestConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select tenant_id || ' ' || id::text || ' ' || data::text from backoffice.{table} order by tenant_id, id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}

/// <summary>The id of what a create answered.</summary>
internal sealed record CreatedId(Guid Id);
