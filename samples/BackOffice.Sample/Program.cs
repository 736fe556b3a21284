// Embedding BackOffice in your own application: the domain decides, Marten stores, one line registers it all.
// Run: BACKOFFICE_CONNECTION="Host=127.0.0.1;Port=55432;Database=backoffice;Username=postgres" dotnet run --project samples/BackOffice.Sample
using BackOffice.Domain.Common;
using BackOffice.Domain.Inventory;
using BackOffice.Projections;
using Marten;

var connection = Environment.GetEnvironmentVariable("BACKOFFICE_CONNECTION")
    ?? throw new InvalidOperationException("Set BACKOFFICE_CONNECTION to a PostgreSQL connection string.");

await using var store = DocumentStore.For(options =>
{
    options.Connection(connection);
    options.DatabaseSchemaName = "backoffice_sample";
    options.AddBackOffice();                       // events, stored names, snapshots, read models, tenancy
});
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

const string tenant = "sample-company";
var context = DecisionContext.For("sample-user", TimeProvider.System);
var id = Guid.CreateVersion7();

// 1. Decide with the pure domain, append what it decided.
await using (var session = store.LightweightSession(tenant))
{
    session.Events.StartStream<SupplyItem>(id, SupplyItem.Register(
        new RegisterSupplyItem(id, "SAMPLE-" + id.ToString("N")[..6], "A4 paper", "ream", "paper", "B1", ReorderPoint: 5, ReorderQuantity: 20)));
    await session.SaveChangesAsync();
}

await using (var session = store.LightweightSession(tenant))
{
    var stream = await session.Events.FetchForWriting<SupplyItem>(id);
    stream.AppendMany(stream.Aggregate!.Receive(new ReceiveStock(6)));
    await session.SaveChangesAsync();
}

await using (var session = store.LightweightSession(tenant))
{
    var stream = await session.Events.FetchForWriting<SupplyItem>(id);
    try
    {
        stream.AppendMany(stream.Aggregate!.Issue(new IssueStock(100), context));
    }
    catch (DomainException refused)
    {
        Console.WriteLine($"Refused by the domain: {refused.Code} — {refused.Message}");
    }
    stream.AppendMany(stream.Aggregate!.Issue(new IssueStock(2, Purpose: "printing"), context));   // crosses the reorder point
    await session.SaveChangesAsync();
}

// 2. Read the inline snapshot: the domain's own state type.
await using (var query = store.QuerySession(tenant))
{
    var item = await query.LoadAsync<SupplyItem>(id);
    Console.WriteLine($"{item!.Sku}: on hand {item.OnHand}, on order {item.OnOrder}, status {item.Status}, open reorder {item.OpenReorder?.ReorderId}");
}
