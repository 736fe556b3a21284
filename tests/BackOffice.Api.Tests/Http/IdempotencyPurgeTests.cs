using BackOffice.Api.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

[Collection(ApiCollection.Name)]
public class IdempotencyPurgeTests(ApiFixture api)
{
    [Fact]
    public async Task Records_older_than_the_retention_are_purged_and_younger_ones_kept()
    {
        var purge = api.Services.GetRequiredService<IdempotencyPurge>();
        purge.Retention.ShouldBeGreaterThanOrEqualTo(IdempotencyPurge.MinimumRetention);
        var old = "purge-test-old-" + Guid.NewGuid();
        var young = "purge-test-young-" + Guid.NewGuid();
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand(
            $"insert into api_tests.{IdempotencyRecords.TableName} (scope, tenant_id, request_hash, status, response, created_at) values " +
            "(@old, 'demo', 'h', 200, '\\x00', now() - @age - interval '1 minute'), (@young, 'demo', 'h', 200, '\\x00', now() - interval '23 hours')", connection))
        {
            insert.Parameters.AddWithValue("old", old);
            insert.Parameters.AddWithValue("young", young);
            insert.Parameters.AddWithValue("age", purge.Retention);
            await insert.ExecuteNonQueryAsync();
        }

        (await purge.PurgeAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        await using var left = new NpgsqlCommand($"select scope from api_tests.{IdempotencyRecords.TableName} where scope in (@old, @young)", connection);
        left.Parameters.AddWithValue("old", old);
        left.Parameters.AddWithValue("young", young);
        var scopes = new List<string>();
        await using (var reader = await left.ExecuteReaderAsync())
            while (await reader.ReadAsync()) scopes.Add(reader.GetString(0));
        scopes.ShouldBe([young]);
    }
}
