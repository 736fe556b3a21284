using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;
using Npgsql;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>GET /api/dashboards/ledger</c>: balances totalled per account type, the entries awaiting approval and how long
/// they have waited, the last closed period, and revenue and expense per month. Computed from the inline ledger read
/// models (postings, entry snapshots), so it never lags a posting.
/// </summary>
public static class GetLedgerDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed (ages are measured to it).</param>
    /// <param name="Totals">Sum of the balances per account type (each signed in its normal direction).</param>
    /// <param name="AwaitingApproval">Entries awaiting approval, the longest waiting first.</param>
    /// <param name="ClosedThrough">End of the last closed period, when any.</param>
    /// <param name="Monthly">Revenue and expense per month (<c>yyyy-MM</c>, by accounting date), latest first.</param>
    public sealed record Dashboard(DateTimeOffset GeneratedAt, IReadOnlyList<TypeTotal> Totals, IReadOnlyList<Awaiting> AwaitingApproval,
        DateOnly? ClosedThrough, IReadOnlyList<Month> Monthly);

    /// <summary>Balance total of one account type.</summary>
    public sealed record TypeTotal(AccountType Type, decimal Balance);

    /// <summary>An entry awaiting approval.</summary>
    public sealed record Awaiting(Guid EntryId, string JournalCode, DateOnly Date, string Memo, decimal Total, string PostedBy,
        DateTimeOffset RecordedAt, long AgeSeconds, int AgeDays);

    /// <summary>Revenue and expense of a month.</summary>
    public sealed record Month(string Period, decimal Revenue, decimal Expense);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/ledger", async (IDocumentStore store, CommandConnections connections, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return TypedResults.Ok(await LoadAsync(store, session, connections, request.Tenant, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetLedgerDashboard")
            .WithSummary("Ledger dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>The dashboard of <paramref name="tenant"/> at <paramref name="now"/> (the API route and the console read it here).</summary>
    internal static async Task<Dashboard> LoadAsync(IDocumentStore store, IQuerySession session, CommandConnections connections, string tenant,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var (ledger, _) = await LedgerReadsEndpoints.LoadLedger(session, tenant, cancellation).ConfigureAwait(false);
        var accounts = (await session.Query<Account>().ToListAsync(cancellation).ConfigureAwait(false)).ToDictionary(a => a.Id);
        await using var connection = await connections.For(tenant).OpenConnectionAsync(cancellation).ConfigureAwait(false);
        var totals = await LedgerSql.TotalsAsync(connection, null, store.Options.DatabaseSchemaName, tenant, null, null, null, cancellation)
            .ConfigureAwait(false);
        var byType = Enum.GetValues<AccountType>().Select(type => new TypeTotal(type,
            totals.Where(t => accounts.TryGetValue(t.Key, out var a) && a.Type == type).Sum(t => Balances.Of(type, t.Value.Debit, t.Value.Credit))))
            .ToList();

        var waiting = await session.Query<JournalEntry>().Where(e => e.Status == JournalEntryStatus.AwaitingApproval)
            .ToListAsync(cancellation).ConfigureAwait(false);
        var awaiting = new List<Awaiting>();
        foreach (var e in waiting)
        {
            var state = await session.Events.FetchStreamStateAsync(e.Id, cancellation).ConfigureAwait(false);
            var at = state?.Created ?? now;
            var age = now - at < TimeSpan.Zero ? TimeSpan.Zero : now - at;
            awaiting.Add(new Awaiting(e.Id, e.JournalCode, e.Date, e.Memo, e.Total, e.PostedBy, at, (long)age.TotalSeconds, (int)age.TotalDays));
        }

        var monthly = await Monthly(connection, store.Options.DatabaseSchemaName, tenant, accounts, cancellation).ConfigureAwait(false);
        return new Dashboard(now, byType, awaiting.OrderBy(a => a.RecordedAt).ToList(), ledger.ClosedThrough, monthly);
    }

    private static async Task<IReadOnlyList<Month>> Monthly(NpgsqlConnection connection, string schema, string tenant,
        Dictionary<Guid, Account> accounts, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select account_id, to_char(date, 'YYYY-MM'), sum((data->>'debit')::numeric), sum((data->>'credit')::numeric) " +
            $"from {LedgerSql.Postings(schema)} where tenant_id = @tenant group by 1, 2", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        var months = new SortedDictionary<string, (decimal Revenue, decimal Expense)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            if (!accounts.TryGetValue(reader.GetGuid(0), out var account) || account.Type is not (AccountType.Revenue or AccountType.Expense)) continue;
            var month = reader.GetString(1);
            var amount = Balances.Of(account.Type, reader.GetDecimal(2), reader.GetDecimal(3));
            var (revenue, expense) = months.GetValueOrDefault(month);
            months[month] = account.Type == AccountType.Revenue ? (revenue + amount, expense) : (revenue, expense + amount);
        }
        return months.Reverse().Select(m => new Month(m.Key, m.Value.Revenue, m.Value.Expense)).ToList();
    }
}
