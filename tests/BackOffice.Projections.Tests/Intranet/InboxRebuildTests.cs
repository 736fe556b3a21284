using BackOffice.Domain.Equipment;
using BackOffice.Domain.HelpDesk;
using BackOffice.Domain.Intranet;
using BackOffice.Domain.Inventory;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.People;
using BackOffice.Projections.Intranet;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Npgsql;

namespace BackOffice.Projections.Tests.Intranet;

/// <summary>A store in its own schema with a running async daemon, for the inbox's rebuild.</summary>
public sealed class InboxStoreFixture : IAsyncLifetime
{
    public const string Schema = "inbox_tests";
    public DocumentStore Store { get; private set; } = null!;
    public IProjectionDaemon Daemon { get; private set; } = null!;
    public string Connection { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Connection = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
            ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");
        Store = DocumentStore.For(o =>
        {
            o.Connection(Connection);
            o.DatabaseSchemaName = Schema;
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.AddBackOffice(b => b.SchemaName = Schema);
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Daemon = await Store.BuildProjectionDaemonAsync();
        await Daemon.StartAllAsync();
    }

    public Task CatchUp() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    public async Task<List<string>> Rows(string table, string tenant)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select id::text || '|' || data::text from {Schema}.{table} where tenant_id = $1 order by id", connection);
        command.Parameters.AddWithValue(tenant);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    public async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal), connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Daemon.StopAllAsync();
        Daemon.Dispose();
        await Store.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class InboxStoreCollection : ICollectionFixture<InboxStoreFixture>
{
    public const string Name = "inbox-store";
}

/// <summary>The inbox is derived data: dropped and rebuilt from the events, it comes back with the same items and the same read marks.</summary>
[Collection(InboxStoreCollection.Name)]
public class InboxRebuildTests(InboxStoreFixture fx)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-3);

    [Fact]
    public async Task Rebuilding_the_inbox_from_scratch_gives_the_same_items_and_read_marks()
    {
        var tenant = "inbox-" + Guid.NewGuid().ToString("N")[..10];
        var (item, reorder, notice, sales, employee, training, request, entry, device) =
            (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
                Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var today = DateOnly.FromDateTime(T0.UtcDateTime);
        await using (var s = fx.Store.LightweightSession(tenant))
        {
            s.Events.StartStream<SupplyItem>(item, new SupplyItemRegistered(item, "S-" + item, "Toner", "each", "toner", "C2", 1, 2, null),
                new ReorderRaised(item, reorder, 12, "clerk", T0, false));
            s.Events.StartStream<Notice>(notice, new NoticePublished(notice, "Fire drill", "Meet outside.", false, [sales], true, today, null, "hr", T0),
                new NoticeAcknowledged(notice, employee, 1, "alice", T0.AddMinutes(5)),
                new NoticeRevised(notice, null, "Meet at the car park.", true, 2, "hr", T0.AddMinutes(10)));
            s.Events.StartStream<Employee>(employee, new TrainingAssigned(employee, Guid.CreateVersion7(), training, "Fire safety", today.AddDays(-1)));
            s.Events.StartStream<SupportRequest>(request, new SupportRequestOpened(request, Guid.CreateVersion7(), "alice", SupportCategory.Hardware,
                    SupportPriority.High, "Printer jams", null, T0, TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(7)),
                new SupportRequestAssigned(request, "bob", "bob", T0.AddMinutes(20)));
            s.Events.StartStream<JournalEntry>(entry, new JournalEntryAwaitingApproval(entry, "OD", today, "Big purchase", null, null, [], 25_000m, "accountant"));
            s.Events.StartStream<Device>(device, new DeviceRegistered(device, "CP-" + device, DeviceKind.Copier, "Canon", "iR", null, "Hall", null, null, T0),
                new MaintenanceScheduled(device, 7, today.AddDays(3)));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();
        var reorderItem = InboxItem.IdFor(InboxKinds.ReorderAwaitingApproval, reorder);
        var supportItem = InboxItem.IdFor(InboxKinds.SupportRequestUpdated, request, "assignee");
        // Marked after the items last changed (their `at` is their events' stored timestamp).
        var readAt = DateTimeOffset.UtcNow.AddMinutes(1);
        await using (var s = fx.Store.LightweightSession(tenant))
        {
            s.Events.StartStream<Inbox>(Inbox.IdFor("carol"), new InboxItemRead(Inbox.IdFor("carol"), "carol", reorderItem, readAt));
            s.Events.StartStream<Inbox>(Inbox.IdFor("bob"), new InboxItemRead(Inbox.IdFor("bob"), "bob", supportItem, readAt));
            await s.SaveChangesAsync();
        }
        await fx.CatchUp();

        var items = await fx.Rows("mt_doc_inboxitem", tenant);
        var marks = await fx.Rows("mt_doc_inbox", tenant);
        marks.Count.ShouldBe(2);
        await using (var query = fx.Store.QuerySession(tenant))
        {
            var all = await query.Query<InboxItem>().ToListAsync();
            var manager = InboxReader.For("carol", ["manager"], null, null);
            all.Where(i => i.ShownTo(manager, DateTimeOffset.UtcNow)).Select(i => i.Kind).Order()
                .ShouldBe([InboxKinds.JournalEntryAwaitingApproval, InboxKinds.ReorderAwaitingApproval]);
            var alice = InboxReader.For("alice", ["clerk"], employee, sales);
            all.Where(i => i.ShownTo(alice, DateTimeOffset.UtcNow)).Select(i => i.Kind).Order()
                .ShouldBe([InboxKinds.NoticeToAcknowledge, InboxKinds.SupportRequestUpdated, InboxKinds.TrainingOverdue]);   // revision 2 asks her again
            all.Where(i => i.ShownTo(InboxReader.For("bob", ["it"], null, null), DateTimeOffset.UtcNow)).Select(i => i.Kind).Order()
                .ShouldBe([InboxKinds.MaintenanceDue, InboxKinds.SupportRequestUpdated]);
            var carol = await query.LoadAsync<Inbox>(Inbox.IdFor("carol"));
            carol!.IsRead(reorderItem, all.Single(i => i.Id == reorderItem).At).ShouldBeTrue();
            carol.IsRead(InboxItem.IdFor(InboxKinds.JournalEntryAwaitingApproval, entry), T0).ShouldBeFalse();
        }

        await fx.Sql("delete from {s}.mt_doc_inboxitem; delete from {s}.mt_doc_inbox;");
        (await fx.Rows("mt_doc_inboxitem", tenant)).ShouldBeEmpty();
        await fx.Daemon.RebuildProjectionAsync(InboxItemProjection.ProjectionName, TimeSpan.FromMinutes(2), CancellationToken.None);
        await fx.Daemon.StartAgentAsync(InboxItemProjection.ProjectionName + ":All", CancellationToken.None);
        await fx.Daemon.RebuildProjectionAsync<InboxProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);

        (await fx.Rows("mt_doc_inboxitem", tenant)).ShouldBe(items);
        (await fx.Rows("mt_doc_inbox", tenant)).ShouldBe(marks);
    }
}
