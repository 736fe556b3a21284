using System.Text;
using BackOffice.Projections.Audit;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Npgsql;

namespace BackOffice.Projections.Tests.Audit;

/// <summary>A store in its own schema with the hash chain (a checkpoint on every page) and a running async daemon.</summary>
public sealed class AuditStoreFixture : IAsyncLifetime
{
    public const string Schema = "audit_tests";
    /// <summary>A key retired before these tests: it verifies, it never signs.</summary>
    public static readonly byte[] RetiredKey = Encoding.UTF8.GetBytes("test-audit-hmac-key-retired-0123456789");
    public static readonly byte[] CurrentKey = Encoding.UTF8.GetBytes("test-audit-hmac-key-0123456789abcdef");

    /// <summary>Key rotation in place: k2 signs, k1 (retired) still verifies.</summary>
    public static readonly HashChainSettings Settings = new("k2", new Dictionary<string, byte[]> { ["k1"] = RetiredKey, ["k2"] = CurrentKey }) { CheckpointEvery = 1 };

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
            o.AddBackOfficeHashChain(Settings);
        });
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Daemon = await Store.BuildProjectionDaemonAsync();
        await Daemon.StartAllAsync();
    }

    public Task CatchUp() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public Task<ChainVerification> Verify(string tenant) => HashChainVerifier.VerifyAsync(Store, tenant, Settings);

    public async Task Sql(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal), connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<T>> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal), connection);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public async Task DisposeAsync()
    {
        await Daemon.StopAllAsync();
        Daemon.Dispose();
        await Store.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AuditStoreCollection : ICollectionFixture<AuditStoreFixture>
{
    public const string Name = "audit-store";
}
