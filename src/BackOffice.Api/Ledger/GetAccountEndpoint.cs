using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>GET /api/accounts/{id}[?asOfDate=date][&amp;asOf=instant]</c>: the account with its balance. <c>asOfDate</c> counts the
/// entries dated on or before that accounting date; <c>asOf</c> shows the account as it was recorded at that instant
/// (its status then, and only the entries posted by then).
/// </summary>
public static class GetAccountEndpoint
{
    /// <summary>An account with its totals.</summary>
    /// <param name="Id">Account id.</param>
    /// <param name="Code">Account number.</param>
    /// <param name="Name">Label.</param>
    /// <param name="Type">Account type.</param>
    /// <param name="Balance">Signed in the account's normal direction (debits − credits for Asset and Expense, credits − debits otherwise).</param>
    /// <param name="DebitTotal">Sum of the debits posted.</param>
    /// <param name="CreditTotal">Sum of the credits posted.</param>
    /// <param name="Status">Open, Frozen or Closed.</param>
    /// <param name="Version">Stream version of the account (postings do not change it).</param>
    public sealed record AccountView(
        Guid Id, string Code, string Name, AccountType Type, decimal Balance, decimal DebitTotal, decimal CreditTotal, AccountStatus Status, long Version)
    {
        internal static AccountView From(Account account, long version, (decimal Debit, decimal Credit) totals) => new(
            account.Id, account.Code, account.Name, account.Type, Balances.Of(account.Type, totals.Debit, totals.Credit),
            totals.Debit, totals.Credit, account.Status, version);
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/accounts/{id:guid}", async (Guid id, [FromQuery] DateOnly? asOfDate, [FromQuery] DateTimeOffset? asOf,
                IDocumentStore store, CommandConnections connections, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<Account>(session, id, asOf, Account.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Account", id, asOf);
                await using var connection = await connections.For(request.Tenant).OpenConnectionAsync(http.RequestAborted).ConfigureAwait(false);
                var totals = await LedgerSql.TotalsAsync(connection, null, store.Options.DatabaseSchemaName, request.Tenant, id, asOfDate, asOf,
                    http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(AccountView.From(found.State, found.Version, totals.GetValueOrDefault(id)));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetAccount")
            .WithSummary("Get an account with its balance, now or as of an accounting date or an instant")
            .Produces<AccountView>()
            .ProducesReadProblems();
}
