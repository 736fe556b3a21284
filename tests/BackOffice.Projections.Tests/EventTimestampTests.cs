using BackOffice.Domain.Inventory;
using JasperFx;
using Marten;

namespace BackOffice.Projections.Tests;

/// <summary>
/// ADR 1: events are stored with the time of the injected <see cref="TimeProvider"/>, never the database's clock, both when
/// a stream starts and when a command appends to an existing stream under its row lock (the API's path).
/// </summary>
public class EventTimestampTests
{
    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Stored_timestamps_are_the_time_providers_on_new_and_existing_streams()
    {
        var connection = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
            ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");
        var time = new SettableTime(new DateTimeOffset(2019, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234560));
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.DatabaseSchemaName = "timestamp_tests";
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.AddBackOffice(b => b.SchemaName = "timestamp_tests");
            o.Events.TimeProvider = time;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var id = Guid.CreateVersion7();
        var started = time.Now;
        await using (var session = store.LightweightSession("t1"))
        {
            session.Events.StartStream<SupplyItem>(id, new SupplyItemRegistered(id, "TS-" + id, "Paper", "ream", "paper", "B1", 0, 10, null));
            await session.SaveChangesAsync();
        }

        time.Now = started.AddDays(400).AddTicks(70);
        await using (var session = store.LightweightSession("t1"))
        {
            var stream = await session.Events.FetchForExclusiveWriting<SupplyItem>(id);
            stream.AppendMany(stream.Aggregate!.Receive(new ReceiveStock(3)));
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession("t1");
        var events = await query.Events.FetchStreamAsync(id);
        events.Select(e => e.Timestamp.UtcTicks).ShouldBe([started.UtcTicks, started.AddDays(400).AddTicks(70).UtcTicks]);
        events.Select(e => e.Version).ShouldBe([1L, 2L]);
    }
}
