using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Ledger;

/// <summary><c>GET /api/journal-entries/{id}[?asOf=instant]</c>: an entry with its journal, number, lines and links.</summary>
public static class GetJournalEntryEndpoint
{
    /// <summary>A journal entry.</summary>
    /// <param name="Id">Entry id.</param>
    /// <param name="JournalCode">Journal.</param>
    /// <param name="Number">Gapless number (<c>VE-2026-000042</c>), null while awaiting approval.</param>
    /// <param name="Date">Accounting date.</param>
    /// <param name="Memo">Label.</param>
    /// <param name="PieceRef">Supporting document's reference.</param>
    /// <param name="PieceDate">Supporting document's date.</param>
    /// <param name="Lines">Lines.</param>
    /// <param name="Total">Sum of the debits (= credits).</param>
    /// <param name="Status">AwaitingApproval or Posted.</param>
    /// <param name="PostedBy">Who entered it.</param>
    /// <param name="ApprovedBy">Who approved it, when it needed approval.</param>
    /// <param name="ReversalOf">The entry it reverses.</param>
    /// <param name="ReversalId">The entry that reversed it.</param>
    /// <param name="Version">Stream version.</param>
    public sealed record EntryView(
        Guid Id, string JournalCode, string? Number, DateOnly Date, string Memo, string? PieceRef, DateOnly? PieceDate,
        IReadOnlyList<LineView> Lines, decimal Total, JournalEntryStatus Status, string PostedBy, string? ApprovedBy,
        Guid? ReversalOf, Guid? ReversalId, long Version);

    /// <summary>A line: one of debit or credit is null.</summary>
    public sealed record LineView(Guid AccountId, decimal? Debit, decimal? Credit);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/journal-entries/{id:guid}", async (Guid id, [FromQuery] DateTimeOffset? asOf, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var found = await Snapshots.LoadAsync<JournalEntry>(session, id, asOf, JournalEntry.Evolve, http.RequestAborted).ConfigureAwait(false);
                if (found is null) return Snapshots.NotFound("Journal entry", id, asOf);
                var e = found.State;
                http.Response.Headers.ETag = ETags.Of(found.Version);
                return TypedResults.Ok(new EntryView(e.Id, e.JournalCode, e.Number, e.Date, e.Memo, e.PieceRef, e.PieceDate,
                    e.Lines.Select(l => new LineView(l.AccountId, l.Debit == 0 ? null : l.Debit, l.Credit == 0 ? null : l.Credit)).ToList(),
                    e.Total, e.Status, e.PostedBy, e.ApprovedBy, e.ReversalOf, e.ReversalId, found.Version));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithName("GetJournalEntry")
            .WithSummary("Get a journal entry")
            .Produces<EntryView>()
            .ProducesReadProblems();
}
