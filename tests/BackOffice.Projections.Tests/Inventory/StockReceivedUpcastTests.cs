using BackOffice.Domain.Inventory;
using BackOffice.Projections.Inventory;
using Marten;
using Npgsql;

namespace BackOffice.Projections.Tests.Inventory;

/// <summary>
/// Event versioning (issue 20): a stream written before receipts had a currency — <c>stock_received_v1</c> rows with a
/// bare <c>unitCost</c> amount, inserted here as raw SQL exactly as the old version stored them — loads, projects and
/// rebuilds as the <c>_v2</c> shape (<see cref="UnitCost"/> with an unknown currency), and new receipts append as v2.
/// </summary>
[Collection(StoreCollection.Name)]
public class StockReceivedUpcastTests(StoreFixture fixture)
{
    private const string Tenant = "upcast-tenant";

    [Fact]
    public async Task A_stream_written_as_v1_rows_loads_projects_and_rebuilds_as_v2()
    {
        var id = Guid.CreateVersion7();
        var sku = "V1-" + id.ToString("N")[..8];
        await InsertRawV1Stream(id, sku);

        // 1. Loaded: the events come back as the current type, the amount carried over, the currency unknown.
        await using (var query = fixture.Store.QuerySession(Tenant))
        {
            var events = await query.Events.FetchStreamAsync(id);
            events.Select(e => e.EventTypeName).ShouldBe(["supply_item_registered_v1", "stock_received_v1", "stock_received_v1"]);
            events.Select(e => e.Data).OfType<StockReceived>().Select(e => e.UnitCost)
                .ShouldBe([new UnitCost(4.25m, null), null]);
            var aggregate = await query.Events.AggregateStreamAsync<SupplyItem>(id);
            aggregate!.OnHand.ShouldBe(10);
            aggregate.LastUnitCost.ShouldBe(new UnitCost(4.25m, null));
            (await query.LoadAsync<SupplyItem>(id)).ShouldBeNull("raw rows bypassed the inline projection");
        }

        // 2. Rebuilt: the inline snapshot is built from the v1 rows, in the v2 shape.
        using (var daemon = await fixture.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<SupplyItemProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        }
        await using (var query = fixture.Store.QuerySession(Tenant))
        {
            var snapshot = await query.LoadAsync<SupplyItem>(id);
            snapshot.ShouldNotBeNull();
            snapshot.OnHand.ShouldBe(10);
            snapshot.LastUnitCost.ShouldBe(new UnitCost(4.25m, null));
            (await Json($"select data->'lastUnitCost' from projection_tests.mt_doc_supplyitem where id = $1 and tenant_id = $2", id, Tenant))
                .ShouldBe("""{"amount": 4.25, "currency": null}""");
        }

        // 3. Decided on and appended to: the new receipt is stored as v2, with its currency.
        await using (var session = fixture.Store.LightweightSession(Tenant))
        {
            var stream = await session.Events.FetchForWriting<SupplyItem>(id);
            stream.AppendMany(stream.Aggregate!.Receive(new ReceiveStock(2, UnitCost: 5m, Currency: "CHF")));
            await session.SaveChangesAsync();
        }
        (await Json("select data::text from projection_tests.mt_events where stream_id = $1 and tenant_id = $2 and version = 4", id, Tenant))
            .ShouldContain("\"unitCost\": {\"amount\": 5, \"currency\": \"CHF\"}");
        (await Json("select type from projection_tests.mt_events where stream_id = $1 and tenant_id = $2 and version = 4", id, Tenant))
            .ShouldBe("stock_received_v2");
        await using (var query = fixture.Store.QuerySession(Tenant))
        {
            var snapshot = await query.LoadAsync<SupplyItem>(id);
            snapshot!.OnHand.ShouldBe(12);
            snapshot.LastUnitCost.ShouldBe(new UnitCost(5m, "CHF"));
        }
    }

    /// <summary>What version 1 wrote: the stream row and three events (registration, a costed and an uncosted receipt).</summary>
    private static async Task InsertRawV1Stream(Guid id, string sku)
    {
        var rows = new (string Type, string DotNet, string Data)[]
        {
            ("supply_item_registered_v1", "BackOffice.Domain.Inventory.SupplyItemRegistered, BackOffice.Domain",
                $$"""{"supplyItemId":"{{id}}","sku":"{{sku}}","name":"Toner","unit":"each","category":"toner","location":"C1","reorderPoint":1,"reorderQuantity":5,"parLevel":null}"""),
            ("stock_received_v1", "BackOffice.Domain.Inventory.StockReceived, BackOffice.Domain",
                $$"""{"supplyItemId":"{{id}}","quantity":6,"reorderId":null,"unitCost":4.25}"""),
            ("stock_received_v1", "BackOffice.Domain.Inventory.StockReceived, BackOffice.Domain",
                $$"""{"supplyItemId":"{{id}}","quantity":4,"reorderId":null,"unitCost":null}"""),
        };
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var stream = new NpgsqlCommand(
            "insert into projection_tests.mt_streams (id, tenant_id, type, version, timestamp, created) values ($1, $2, 'supply_item', $3, now(), now())", connection, tx))
        {
            stream.Parameters.AddWithValue(id);
            stream.Parameters.AddWithValue(Tenant);
            stream.Parameters.AddWithValue((long)rows.Length);
            await stream.ExecuteNonQueryAsync();
        }
        for (var i = 0; i < rows.Length; i++)
        {
            await using var insert = new NpgsqlCommand("""
                insert into projection_tests.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name)
                values (nextval('projection_tests.mt_events_sequence'), $1, $2, $3, $4::jsonb, $5, now(), $6, $7, 'v1-writer')
                """, connection, tx);
            insert.Parameters.AddWithValue(Guid.CreateVersion7());
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue((long)(i + 1));
            insert.Parameters.AddWithValue(rows[i].Data);
            insert.Parameters.AddWithValue(rows[i].Type);
            insert.Parameters.AddWithValue(Tenant);
            insert.Parameters.AddWithValue(rows[i].DotNet);
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static string Connection => Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")!;

    private static async Task<string> Json(string sql, Guid id, string tenant)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(tenant);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
