using BackOffice.Domain.Inventory;
using JasperFx;
using Marten;
using Npgsql;

namespace BackOffice.Projections.Tests.Embedding;

/// <summary>A host's own document, registered beside BackOffice's (issue 20).</summary>
public sealed class HostInvoice
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
}

/// <summary>
/// <c>AddBackOffice(o => o.SchemaName = …)</c> respects its host: the host's document keeps the host's schema and gets no
/// tenant column; ours go to our schema, tenanted.
/// </summary>
public class HostStoreTests
{
    private const string HostSchema = "embed_host";
    private const string OurSchema = "embed_ours";

    [Fact]
    public async Task The_hosts_document_keeps_its_schema_and_has_no_tenant_column_while_ours_are_tenanted_in_our_schema()
    {
        var connection = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
            ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.DatabaseSchemaName = HostSchema;
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Schema.For<HostInvoice>();
            o.AddBackOffice(b => b.SchemaName = OurSchema);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await ColumnsOf(connection, HostSchema, "mt_doc_hostinvoice")).ShouldNotBeEmpty();
        (await ColumnsOf(connection, HostSchema, "mt_doc_hostinvoice")).ShouldNotContain("tenant_id");
        (await ColumnsOf(connection, OurSchema, "mt_doc_hostinvoice")).ShouldBeEmpty();
        (await ColumnsOf(connection, OurSchema, "mt_doc_supplyitem")).ShouldContain("tenant_id");
        (await ColumnsOf(connection, HostSchema, "mt_doc_supplyitem")).ShouldBeEmpty();
        store.Options.Events.DatabaseSchemaName.ShouldBe(HostSchema);

        // Both work side by side: the host's document without a tenant, ours in a tenant's session.
        var invoice = new HostInvoice { Id = Guid.CreateVersion7(), Number = "INV-1" };
        var item = Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            session.Store(invoice);
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession("embed-tenant"))
        {
            session.Events.StartStream<SupplyItem>(item, SupplyItem.Register(
                new RegisterSupplyItem(item, "EMB-" + item.ToString("N")[..8], "Paper", "ream", "paper", "B1", 1, 5)));
            await session.SaveChangesAsync();
        }
        await using var query = store.QuerySession("embed-tenant");
        (await query.LoadAsync<HostInvoice>(invoice.Id))!.Number.ShouldBe("INV-1");
        (await query.LoadAsync<SupplyItem>(item)).ShouldNotBeNull();
    }

    private static async Task<List<string>> ColumnsOf(string connectionString, string schema, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select column_name from information_schema.columns where table_schema = $1 and table_name = $2", connection);
        command.Parameters.AddWithValue(schema);
        command.Parameters.AddWithValue(table);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
