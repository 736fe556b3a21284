using Npgsql;

namespace BackOffice.Api.Tests.Http;

/// <summary>Holds a stream's row lock from outside the API, as a slow concurrent writer would, until released.</summary>
public sealed class StreamLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private StreamLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<StreamLock> Hold(Guid streamId)
    {
        var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var lockRow = new NpgsqlCommand("select 1 from api_tests.mt_streams where id = @id for update", connection, transaction);
        lockRow.Parameters.AddWithValue("id", streamId);
        await lockRow.ExecuteScalarAsync();
        return new StreamLock(connection, transaction);
    }

    public Task Release() => transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
