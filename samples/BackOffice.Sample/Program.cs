// An embedder's application: BackOffice from its NuGet packages, beside the application's own Marten documents and
// events. Each region is a snippet of docs/embedding.md (this program compiles and runs them: scripts/sample.sh).
// Run: BACKOFFICE_CONNECTION="Host=127.0.0.1;Port=5432;Database=app;Username=postgres" dotnet run -p:BackOfficeVersion=…
using System.Text;
using BackOffice.Domain.Common;
using BackOffice.Domain.Inventory;
using BackOffice.Projections;
using BackOffice.Projections.Audit;
using BackOffice.Projections.Inventory;
using BackOffice.Projections.PersonalData;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten.Events;
using Marten;
using Sample;

var connection = Environment.GetEnvironmentVariable("BACKOFFICE_CONNECTION")
    ?? throw new InvalidOperationException("Set BACKOFFICE_CONNECTION to a PostgreSQL connection string.");
var chain = new HashChainSettings(Encoding.UTF8.GetBytes("sample-only-audit-key-0123456789abcdef")) { CheckpointEvery = 1 };

#region register
await using var store = DocumentStore.For(options =>
{
    options.Connection(connection);
    options.DatabaseSchemaName = "sample_app";                         // the application's own schema
    options.AutoCreateSchemaObjects = AutoCreate.All;
    options.Schema.For<Supplier>();                                    // its own document: no tenant column, in sample_app
    options.Events.MapEventType<SupplierOnboarded>("supplier_onboarded_v2");
    options.Events.Upcast<SupplierOnboardedV1, SupplierOnboarded>("supplier_onboarded_v1", SupplierOnboardedV1.Upcast);

    options.AddBackOffice(backOffice => backOffice.SchemaName = "sample_backoffice");   // ours: tenanted, in sample_backoffice
    options.AddBackOfficeHashChain(chain);                              // optional: the tamper-evident audit chain
});
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
#endregion

const string tenant = "sample-company";
var time = TimeProvider.System;
var context = DecisionContext.For("sample-user", time);
var id = Guid.CreateVersion7();

await using (var session = store.LightweightSession())
{
    session.Store(new Supplier { Id = Guid.CreateVersion7(), Name = "Paper & Co" });     // the host's own document
    await session.SaveChangesAsync();
}

// The first command starts the item's stream.
await using (var session = store.LightweightSession(tenant))
{
    session.Events.StartStream<SupplyItem>(id, SupplyItem.Register(
        new RegisterSupplyItem(id, "SAMPLE-" + id.ToString("N")[..6], "A4 paper", "ream", "paper", "B1", ReorderPoint: 5, ReorderQuantity: 20)));
    await session.SaveChangesAsync();
}
#region command
// A command: load for writing, let the domain decide, append what it decided, commit.
await using (var session = store.LightweightSession(tenant))
{
    var stream = await session.Events.FetchForWriting<SupplyItem>(id);
    stream.AppendMany(stream.Aggregate!.Receive(new ReceiveStock(6, UnitCost: 4.20m, Currency: "EUR")));
    await session.SaveChangesAsync();
}
#endregion
#region refusal
await using (var session = store.LightweightSession(tenant))
{
    var stream = await session.Events.FetchForWriting<SupplyItem>(id);
    try
    {
        stream.AppendMany(stream.Aggregate!.Issue(new IssueStock(100), context));
    }
    catch (DomainException refused)
    {
        Console.WriteLine($"Refused by the domain: {refused.Code}");           // insufficient-stock
    }
    stream.AppendMany(stream.Aggregate!.Issue(new IssueStock(2, Purpose: "printing"), context));
    await session.SaveChangesAsync();
}
#endregion

#region read
// The inline snapshot is the domain's own state, current as soon as the command commits.
await using (var query = store.QuerySession(tenant))
{
    var item = await query.LoadAsync<SupplyItem>(id);
    Console.WriteLine($"{item!.Sku}: on hand {item.OnHand}, status {item.Status}, last cost {item.LastUnitCost}, open reorder {item.OpenReorder is not null}");
}
#endregion
#region daemon
// Async read models (dashboards, audit trail) are built by Marten's async daemon: in a web host AddMarten(...)
// .AddAsyncDaemon(DaemonMode.Solo); here, a daemon started by hand.
using var daemon = await store.BuildProjectionDaemonAsync();
await daemon.StartAllAsync();
await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
await using (var query = store.QuerySession(tenant))
{
    var line = await query.LoadAsync<InventoryDashboardItem>(id);
    Console.WriteLine($"Dashboard line: {line?.Sku} issued {line?.Consumption.Sum(c => c.Quantity)}, count variances {line?.CountVariances.Count}");
}
#endregion

#region erase
// Personal data never goes into events: it is kept by subject id, and erased on request.
var personalData = new PersonalDataStore();
var contact = Guid.CreateVersion7();
await using (var session = store.LightweightSession(tenant))
{
    await personalData.PutAsync(session, contact, new Dictionary<string, string?> { ["name"] = "Ada Example", ["email"] = "ada@example.com" });
    await session.SaveChangesAsync();
}
await using (var session = store.LightweightSession(tenant))
{
    await personalData.EraseAsync(session, contact, time.GetUtcNow());
    await session.SaveChangesAsync();
}
await using (var query = store.QuerySession(tenant))
{
    var record = await personalData.GetAsync(query, contact);
    Console.WriteLine($"Erased: {record!.Erased}, name now {record.Fields["name"] ?? "(null)"}");
}
#endregion

#region verify
// The hash chain links every event of a tenant; verification recomputes it from mt_events.
await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
var verification = await HashChainVerifier.VerifyAsync(store, tenant, chain);
Console.WriteLine($"Chain valid: {verification.Valid} ({verification.CheckedEvents} events checked)");
#endregion

await daemon.StopAllAsync();
return verification.Valid ? 0 : 1;

namespace Sample
{
    /// <summary>The application's own document, stored beside BackOffice's.</summary>
    public sealed class Supplier
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
    }

    #region upgrade
    /// <summary>The application's own event, now in its second shape (a rating scale was added).</summary>
    public sealed record SupplierOnboarded(Guid SupplierId, string Category, int RatingOutOf);

    /// <summary>Its first shape, still in the history as supplier_onboarded_v1: read, never written.</summary>
    public sealed record SupplierOnboardedV1(Guid SupplierId, string Category)
    {
        public static SupplierOnboarded Upcast(SupplierOnboardedV1 v1) => new(v1.SupplierId, v1.Category, RatingOutOf: 5);
    }
    #endregion
}
