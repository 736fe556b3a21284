using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using BackOffice.Projections.Ledger;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>GET /api/accounts/{id}/ledger?from=&amp;to=</c>: the general ledger of one account: its postings in date and number
/// order, each with the running balance (signed in the account's normal direction), after the opening balance at
/// <c>from</c>.
/// </summary>
public static class GetGeneralLedgerEndpoint
{
    /// <summary>The general ledger of an account.</summary>
    /// <param name="AccountId">Account.</param>
    /// <param name="Code">Its code.</param>
    /// <param name="Name">Its label.</param>
    /// <param name="Type">Its type.</param>
    /// <param name="OpeningBalance">Balance of the entries dated before <c>from</c> (0 without it).</param>
    /// <param name="Lines">Postings, oldest first.</param>
    /// <param name="ClosingBalance">Balance after the last line.</param>
    public sealed record GeneralLedger(Guid AccountId, string Code, string Name, AccountType Type, decimal OpeningBalance,
        IReadOnlyList<Line> Lines, decimal ClosingBalance);

    /// <summary>A posting with the running balance after it.</summary>
    public sealed record Line(Guid EntryId, string Number, string JournalCode, DateOnly Date, string Memo, string? PieceRef,
        decimal Debit, decimal Credit, decimal Balance);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/accounts/{id:guid}/ledger", async (Guid id, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
                IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var account = await session.LoadAsync<Account>(id, http.RequestAborted).ConfigureAwait(false);
                if (account is null) return Snapshots.NotFound("Account", id, null);
                var postings = await session.Query<LedgerPosting>().Where(p => p.AccountId == id)
                    .ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var before = postings.Where(p => from is { } f && p.Date < f).ToList();
                var opening = Balances.Of(account.Type, before.Sum(p => p.Debit), before.Sum(p => p.Credit));
                var running = opening;
                var lines = new List<Line>();
                foreach (var p in postings.Where(p => (from is null || p.Date >= from) && (to is null || p.Date <= to))
                             .OrderBy(p => p.Date).ThenBy(p => p.RecordedAt).ThenBy(p => p.Number, StringComparer.Ordinal))
                {
                    running += Balances.Of(account.Type, p.Debit, p.Credit);
                    lines.Add(new Line(p.EntryId, p.Number, p.JournalCode, p.Date, p.Memo, p.PieceRef, p.Debit, p.Credit, running));
                }
                return TypedResults.Ok(new GeneralLedger(account.Id, account.Code, account.Name, account.Type, opening, lines, running));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetGeneralLedger")
            .WithSummary("General ledger of an account, with running balance")
            .Produces<GeneralLedger>()
            .ProducesReadProblems();
}
