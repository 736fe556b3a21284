using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// Numbers without gaps (the correspondence register, journal entry numbers): one counter row per (tenant, sequence
/// name, year), advanced with <c>UPDATE … RETURNING</c> inside the transaction that uses the number. The row lock the
/// update takes serialises the writers of that one sequence until they commit or roll back; a rollback undoes the
/// update and so gives the number back, and the next writer takes it. Not a PostgreSQL <c>SEQUENCE</c>: a sequence
/// never gives a number back. The caller also stores the number under a unique constraint: the counter says what was
/// handed out, the stored numbers are what a proof of "no gap" reads.
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
    /// Takes the next number of <paramref name="sequenceName"/> for <paramref name="tenant"/> and <paramref name="year"/>
    /// (1 for the first) in <paramref name="transaction"/>. The counter row stays locked until that transaction ends:
    /// take the number as late in the transaction as possible, and commit soon after.
    /// </summary>
    /// <param name="transaction">The transaction that stores what the number is for (its connection is used).</param>
    /// <param name="schema">The store's schema (<c>StoreOptions.DatabaseSchemaName</c>).</param>
    /// <param name="tenant">Tenant id.</param>
    /// <param name="sequenceName">The sequence (e.g. <c>correspondence</c>, <c>journal:VE</c>).</param>
    /// <param name="year">The year the numbering restarts with.</param>
    /// <param name="cancellation">Cancels the wait for the row lock.</param>
    public static async Task<long> NextAsync(NpgsqlTransaction transaction, string schema, string tenant, string sequenceName, int year,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        await using var update = new NpgsqlCommand(
            $"update {schema}.{TableName} set last_value = last_value + 1 where tenant_id = @tenant and sequence_name = @name and year = @year returning last_value",
            transaction.Connection, transaction);
        Bind(update, tenant, sequenceName, year);
        if (await update.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is long next) return next;

        // The year's first number: two first writers race on the insert; the loser's ON CONFLICT waits for the winner
        // and then advances the row the winner created (or inserts it, when the winner rolled back).
        await using var insert = new NpgsqlCommand(
            $"insert into {schema}.{TableName} as c (tenant_id, sequence_name, year, last_value) values (@tenant, @name, @year, 1) " +
            "on conflict (tenant_id, sequence_name, year) do update set last_value = c.last_value + 1 returning c.last_value",
            transaction.Connection, transaction);
        Bind(insert, tenant, sequenceName, year);
        return (long)(await insert.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }

    private static void Bind(NpgsqlCommand command, string tenant, string sequenceName, int year)
    {
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("name", sequenceName);
        command.Parameters.AddWithValue("year", year);
    }
}
