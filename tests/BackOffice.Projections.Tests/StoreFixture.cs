using JasperFx;
using Marten;

namespace BackOffice.Projections.Tests;

/// <summary>A document store with the BackOffice registration on the real PostgreSQL of BACKOFFICE_TEST_CONNECTION, in its own schema.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
            ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");
        Store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.DatabaseSchemaName = "projection_tests";
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.AddBackOffice(b => b.SchemaName = "projection_tests");
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<StoreFixture>
{
    public const string Name = "store";
}
