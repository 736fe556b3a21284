using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BackOffice.Api.Idempotency;

/// <summary>
/// Idempotency records: for each (tenant, user, route, key) scope, a hash of the request body and the response that
/// was given, written in the same transaction as the command's events. Bodies are never stored, only their SHA-256.
/// A transaction-scoped advisory lock on the scope tells a retry that the first request is still running.
/// </summary>
public static class IdempotencyRecords
{
    /// <summary>Table name (in the store's schema).</summary>
    public const string TableName = "bo_idempotency";

    /// <summary>Adds the idempotency table to the store's schema objects (in the store's schema).</summary>
    public static StoreOptions AddIdempotencyRecords(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("scope").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn<string>("request_hash").NotNull();
        table.AddColumn<int>("status").NotNull();
        table.AddColumn("response", "bytea").NotNull();
        table.AddColumn("content_type", "text");
        table.AddColumn("location", "text");
        table.AddColumn("etag", "text");
        table.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()").AddIndex();   // the purge's range scan
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    /// <summary>Takes the scope's transaction lock; <c>false</c> when another transaction holds it (request in flight).</summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", LockKey(scope));
        return (bool)(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }

    /// <summary>The record of a scope, if one was committed.</summary>
    public static async Task<IdempotencyRecord?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string scope, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select request_hash, status, response, content_type, location, etag from {schema}.{TableName} where scope = @scope",
            connection, transaction);
        command.Parameters.AddWithValue("scope", scope);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false)) return null;
        return new IdempotencyRecord(reader.GetString(0), reader.GetInt32(1), (byte[])reader[2],
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>Saves the record of a scope in the command's transaction.</summary>
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string tenant, string scope,
        IdempotencyRecord record, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = new NpgsqlCommand(
            $"insert into {schema}.{TableName} (scope, tenant_id, request_hash, status, response, content_type, location, etag) " +
            "values (@scope, @tenant, @hash, @status, @response, @type, @location, @etag)", connection, transaction);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("hash", record.RequestHash);
        command.Parameters.AddWithValue("status", record.Status);
        command.Parameters.AddWithValue("response", record.Response);
        command.Parameters.AddWithValue("type", (object?)record.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)record.Location ?? DBNull.Value);
        command.Parameters.AddWithValue("etag", (object?)record.ETag ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    private static long LockKey(string scope)
        => BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("idempotency:" + scope)), 0);
}

/// <summary>What was answered to the first request of an idempotency scope.</summary>
/// <param name="RequestHash">SHA-256 of the request body (hex).</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Response">Response body bytes (command answers carry ids and versions only).</param>
/// <param name="ContentType">Response content type.</param>
/// <param name="Location">Location header, for creations.</param>
/// <param name="ETag">ETag header.</param>
public sealed record IdempotencyRecord(string RequestHash, int Status, byte[] Response, string? ContentType, string? Location, string? ETag);
