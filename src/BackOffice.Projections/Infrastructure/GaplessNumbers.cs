using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// Numbers without gaps (journal entry numbers, the correspondence register): one counter row per (tenant, sequence,
/// year), advanced with an upsert ... <c>RETURNING</c> inside the command's own transaction. The row lock it takes
/// serialises only that sequence, and only from the moment the number is taken to the commit; a rollback gives the
/// number back, so no number is ever skipped. Not a PostgreSQL <c>SEQUENCE</c>: a sequence never gives numbers back.
/// A unique index on the stored number (on the document that carries it) guards the rest.
/// </summary>
public static class GaplessNumbers
{
    /// <summary>The counters' table (in the store's schema).</summary>
    public const string TableName = "bo_gapless_numbers";

    /// <summary>Adds the counters' table to the store's schema objects (once, however many contexts ask).</summary>
    public static StoreOptions AddGaplessNumbers(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Storage.ExtendedSchemaObjects.Any(o => o.Identifier.Name == TableName)) return options;
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<string>("sequence_name").AsPrimaryKey();
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<long>("last_value").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    /// <summary>
    /// The next number of <paramref name="sequenceName"/> for <paramref name="tenant"/> and <paramref name="year"/>
    /// (1 for the first), taken in <paramref name="transaction"/>: other transactions wanting the same sequence wait
    /// until it commits or rolls back. Take it as late as possible in the command (just before the append).
    /// </summary>
    public static async Task<long> NextAsync(NpgsqlTransaction transaction, string schema, string tenant, string sequenceName, int year,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var command = new NpgsqlCommand(
            $"insert into {schema}.{TableName} as g (tenant_id, sequence_name, year, last_value) values (@tenant, @name, @year, 1) " +
            "on conflict (tenant_id, sequence_name, year) do update set last_value = g.last_value + 1 returning last_value",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("name", sequenceName);
        command.Parameters.AddWithValue("year", year);
        return (long)(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }
}
