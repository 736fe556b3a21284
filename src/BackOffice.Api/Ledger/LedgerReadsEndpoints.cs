using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;
using Microsoft.AspNetCore.Mvc;
using LedgerState = BackOffice.Domain.Ledger.Ledger;

namespace BackOffice.Api.Ledger;

/// <summary><c>GET /api/ledger/settings</c>, <c>GET /api/ledger/journals</c>, <c>GET /api/ledger/trial-balance?asOfDate=</c>.</summary>
public static class LedgerReadsEndpoints
{
    /// <summary>The ledger settings.</summary>
    public sealed record SettingsView(string? Siren, string FiscalYearEnd, decimal ApprovalThreshold, DateOnly? ClosedThrough, long Version);

    /// <summary>The journals.</summary>
    public sealed record JournalsView(IReadOnlyList<Journal> Items);

    /// <summary>The trial balance: its debits always equal its credits.</summary>
    /// <param name="AsOfDate">Accounting date (entries dated on or before it).</param>
    /// <param name="Lines">One line per account with postings, by code.</param>
    /// <param name="TotalDebit">Sum of the debit column.</param>
    /// <param name="TotalCredit">Sum of the credit column (= <paramref name="TotalDebit"/>).</param>
    public sealed record TrialBalance(DateOnly AsOfDate, IReadOnlyList<TrialLine> Lines, decimal TotalDebit, decimal TotalCredit);

    /// <summary>An account's net balance on its side.</summary>
    public sealed record TrialLine(Guid AccountId, string Code, string Name, AccountType Type, decimal Debit, decimal Credit);

    internal static async Task<(LedgerState Ledger, long Version)> LoadLedger(IQuerySession session, string tenant, CancellationToken cancellation)
    {
        var id = LedgerState.IdFor(tenant);
        var found = await Snapshots.LoadAsync<LedgerState>(session, id, null, LedgerState.Evolve, cancellation).ConfigureAwait(false);
        return found is null ? (LedgerState.Default(id), 0) : (found.State, found.Version);
    }

    internal static async Task<TrialBalance> Compute(IQuerySession session, CommandConnections connections, string schema, string tenant, DateOnly asOfDate,
        CancellationToken cancellation)
    {
        await using var connection = await connections.For(tenant).OpenConnectionAsync(cancellation).ConfigureAwait(false);
        var totals = await LedgerSql.TotalsAsync(connection, null, schema, tenant, null, asOfDate, null, cancellation).ConfigureAwait(false);
        var accounts = (await session.LoadManyAsync<Account>(cancellation, totals.Keys).ConfigureAwait(false)).ToDictionary(a => a.Id);
        var lines = totals.Where(t => accounts.ContainsKey(t.Key)).Select(t =>
        {
            var a = accounts[t.Key];
            var (debit, credit) = Balances.TrialLine(t.Value.Debit, t.Value.Credit);
            return new TrialLine(a.Id, a.Code, a.Name, a.Type, debit, credit);
        }).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        return new TrialBalance(asOfDate, lines, lines.Sum(l => l.Debit), lines.Sum(l => l.Credit));
    }

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ledger/settings", async (IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var (ledger, version) = await LoadLedger(session, request.Tenant, http.RequestAborted).ConfigureAwait(false);
                if (version > 0) http.Response.Headers.ETag = ETags.Of(version);
                return TypedResults.Ok(new SettingsView(ledger.Siren, ledger.FiscalYearEnd, ledger.ApprovalThreshold, ledger.ClosedThrough, version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetLedgerSettings")
            .WithSummary("Ledger settings and the last closed period")
            .Produces<SettingsView>()
            .ProducesReadProblems();

        app.MapGet("/api/ledger/journals", async (IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var (ledger, _) = await LoadLedger(session, request.Tenant, http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(new JournalsView(ledger.Journals));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListJournals")
            .WithSummary("The journals (VE, AC, BQ, OD and the tenant's own)")
            .Produces<JournalsView>()
            .ProducesReadProblems();

        app.MapGet("/api/ledger/trial-balance", async ([FromQuery] DateOnly? asOfDate, IDocumentStore store, CommandConnections connections,
                RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var date = asOfDate ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                return TypedResults.Ok(await Compute(session, connections, store.Options.DatabaseSchemaName, request.Tenant, date, http.RequestAborted)
                    .ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetTrialBalance")
            .WithSummary("Trial balance as of an accounting date (default today)")
            .Produces<TrialBalance>()
            .ProducesReadProblems();
    }
}
