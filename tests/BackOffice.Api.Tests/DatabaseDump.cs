using Npgsql;

namespace BackOffice.Api.Tests;

/// <summary>
/// The whole database as text: every row of every table of every schema (catalogs aside), as PostgreSQL renders
/// it. Used to prove that erased personal values appear nowhere.
/// </summary>
public static class DatabaseDump
{
    public static async Task<string> AllTextAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        await using (var list = new NpgsqlCommand(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));
        tables.Count.ShouldBeGreaterThan(0);

        var dump = new System.Text.StringBuilder();
        foreach (var (schema, table) in tables)
        {
            await using var select = new NpgsqlCommand($"select t::text from \"{schema}\".\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) dump.Append(schema).Append('.').Append(table).Append(": ").AppendLine(reader.GetString(0));
        }
        return dump.ToString();
    }

    /// <summary>Every database of <paramref name="connectionStrings"/> as text (the main one and each tenant database).</summary>
    public static async Task<string> AllTextAsync(IEnumerable<string> connectionStrings)
    {
        var dump = new System.Text.StringBuilder();
        foreach (var connectionString in connectionStrings) dump.Append(await AllTextAsync(connectionString));
        return dump.ToString();
    }

    /// <summary>Asserts that none of <paramref name="values"/> occurs anywhere in any of the databases.</summary>
    public static async Task ShouldContainNoneOf(IEnumerable<string> connectionStrings, params string[] values)
    {
        var dump = await AllTextAsync(connectionStrings);
        foreach (var value in values)
            dump.Contains(value, StringComparison.Ordinal).ShouldBeFalse($"'{value}' is still in the database");
    }
}
