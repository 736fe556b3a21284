using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Ledger;

/// <summary><c>GET /api/accounts?type=&amp;asOfDate=&amp;page=&amp;pageSize=</c>: the chart of accounts with balances, ordered by code.</summary>
public static class ListAccountsEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/accounts", async ([FromQuery] string? type, [FromQuery] DateOnly? asOfDate, [AsParameters] PageQuery paging,
                IDocumentStore store, CommandConnections connections, RequestContext request, HttpContext http) =>
            {
                var wanted = QueryParameters.OneOf(type, "type", QueryParameters.Names<AccountType>());
                paging.Resolve();
                await using var session = store.QuerySession(request);
                IQueryable<Account> query = session.Query<Account>();
                if (wanted is { } t) query = query.Where(a => a.Type == t);
                await using var connection = await connections.For(request.Tenant).OpenConnectionAsync(http.RequestAborted).ConfigureAwait(false);
                var totals = await LedgerSql.TotalsAsync(connection, null, store.Options.DatabaseSchemaName, request.Tenant, null, asOfDate, null,
                    http.RequestAborted).ConfigureAwait(false);
                var page = await query.OrderBy(a => a.Code).ToPageAsync(paging,
                    a => GetAccountEndpoint.AccountView.From(a, 0, totals.GetValueOrDefault(a.Id)) with { Version = 0 },
                    http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("ListAccounts")
            .WithSummary("List the chart of accounts with balances")
            .WithDescription("type: Asset, Liability, Equity, Revenue or Expense; asOfDate: balances of the entries dated on or before it. version is 0 in lists (read the account for its ETag).")
            .Produces<Page<GetAccountEndpoint.AccountView>>()
            .ProducesReadProblems();
}
