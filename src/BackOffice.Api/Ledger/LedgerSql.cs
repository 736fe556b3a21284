using BackOffice.Domain.Ledger;
using BackOffice.Projections.Infrastructure;
using Marten;
using Npgsql;
using NpgsqlTypes;
using LedgerState = BackOffice.Domain.Ledger.Ledger;

namespace BackOffice.Api.Ledger;

/// <summary>
/// The ledger's locks and sums (ADR 0012). A posting takes, in this order: the tenant ledger's advisory lock in
/// SHARED mode (a period close or a settings change takes it exclusively), then the rows of the accounts it posts to
/// in <c>mt_streams</c> <c>FOR SHARE</c>, sorted by id (freeze and close take their account's row <c>FOR UPDATE</c>
/// through the executor), then reads the ledger and the accounts, decides, and takes its gapless number last. Shared
/// locks do not conflict with each other, so postings to the same account commute; the stable order rules out deadlocks.
/// </summary>
internal static class LedgerSql
{
    /// <summary>The postings' table.</summary>
    internal static string Postings(string schema) => $"{schema}.mt_doc_ledgerposting";

    private static long LedgerKey(string tenant)
        => BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("ledger:" + tenant)), 0);

    /// <summary>Takes the locks of a posting (see the class) and loads the ledger and the accounts it names.</summary>
    internal static async Task<(LedgerState Ledger, IReadOnlyDictionary<Guid, Account> Accounts)> LockForPostingAsync(
        IDocumentSession session, NpgsqlTransaction transaction, string schema, string tenant, IEnumerable<Guid> accountIds, CancellationToken cancellation)
    {
        var ids = JournalEntry.AccountsOf(accountIds).ToArray();
        await using (var batch = new NpgsqlBatch(transaction.Connection, transaction))
        {
            var ledgerLock = new NpgsqlBatchCommand("select pg_advisory_xact_lock_shared(@key)");
            ledgerLock.Parameters.AddWithValue("key", LedgerKey(tenant));
            batch.BatchCommands.Add(ledgerLock);
            var accountLocks = new NpgsqlBatchCommand(
                $"select id from {schema}.mt_streams where tenant_id = @tenant and id = any(@ids) order by id for share");
            accountLocks.Parameters.AddWithValue("tenant", tenant);
            accountLocks.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids);
            batch.BatchCommands.Add(accountLocks);
            await batch.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        var ledgerId = LedgerState.IdFor(tenant);
        var query = session.CreateBatchQuery();
        var ledger = query.Load<LedgerState>(ledgerId);
        var accounts = query.LoadMany<Account>().ById(ids);
        await query.Execute(cancellation).ConfigureAwait(false);
        return (await ledger.ConfigureAwait(false) ?? LedgerState.Default(ledgerId),
            (await accounts.ConfigureAwait(false)).ToDictionary(a => a.Id));
    }

    /// <summary>Takes the tenant ledger's advisory lock exclusively (settings, journals, period close) and loads the ledger.</summary>
    internal static async Task<LedgerState> LockLedgerAsync(IDocumentSession session, NpgsqlTransaction transaction, string tenant, CancellationToken cancellation)
    {
        await using (var command = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", transaction.Connection, transaction))
        {
            command.Parameters.AddWithValue("key", LedgerKey(tenant));
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        var id = LedgerState.IdFor(tenant);
        return await session.LoadAsync<LedgerState>(id, cancellation).ConfigureAwait(false) ?? LedgerState.Default(id);
    }

    /// <summary>The posted event with its gapless number (journal, fiscal year), taken last in the command's transaction.</summary>
    internal static async Task<JournalEntryPosted> NumberAsync(NpgsqlTransaction transaction, string schema, string tenant, JournalEntryPosted posted, CancellationToken cancellation)
        => JournalEntry.Numbered(posted,
            await GaplessNumbers.NextAsync(transaction, schema, tenant, "journal:" + posted.JournalCode, posted.FiscalYear, cancellation).ConfigureAwait(false));

    /// <summary>Numbers every posted event of <paramref name="events"/>.</summary>
    internal static async Task<IReadOnlyList<object>> NumberAllAsync(NpgsqlTransaction transaction, string schema, string tenant,
        IEnumerable<IJournalEntryEvent> events, CancellationToken cancellation)
    {
        var result = new List<object>();
        foreach (var e in events)
            result.Add(e is JournalEntryPosted p ? await NumberAsync(transaction, schema, tenant, p, cancellation).ConfigureAwait(false) : e);
        return result;
    }

    /// <summary>Debit and credit totals per account, of the entries dated on or before <paramref name="asOfDate"/> and recorded by <paramref name="asOf"/>.</summary>
    internal static async Task<Dictionary<Guid, (decimal Debit, decimal Credit)>> TotalsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, string tenant, Guid? accountId, DateOnly? asOfDate,
        DateTimeOffset? asOf, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select account_id, coalesce(sum((data->>'debit')::numeric), 0), coalesce(sum((data->>'credit')::numeric), 0) " +
            $"from {Postings(schema)} where tenant_id = @tenant and (@account::uuid is null or account_id = @account) " +
            "and (@asOfDate::date is null or date <= @asOfDate) and (@asOf::timestamptz is null or recorded_at <= @asOf) group by account_id",
            connection, transaction);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.Add(new NpgsqlParameter("account", NpgsqlDbType.Uuid) { Value = (object?)accountId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("asOfDate", NpgsqlDbType.Date) { Value = (object?)asOfDate ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("asOf", NpgsqlDbType.TimestampTz) { Value = (object?)asOf?.ToUniversalTime() ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var totals = new Dictionary<Guid, (decimal, decimal)>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            totals[reader.GetGuid(0)] = (reader.GetDecimal(1), reader.GetDecimal(2));
        return totals;
    }
}
