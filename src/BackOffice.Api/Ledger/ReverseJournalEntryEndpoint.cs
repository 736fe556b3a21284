using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using FluentValidation;
using Marten;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>POST /api/journal-entries/{id}/reverse</c>: posts the mirror entry on a date and links both; 200 with
/// <c>reversalId</c>. Entries are never edited or deleted.
/// </summary>
public static class ReverseJournalEntryEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Date">The reversal's accounting date, not in a closed period.</param>
    /// <param name="Memo">Its label (default "Reversal of {number}").</param>
    public sealed record Request(DateOnly? Date, string? Memo) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(new DateOnly(2026, 3, 5), "Wrong account");
    }

    /// <summary>The answer: the reversed entry's id and version, and the reversal's id.</summary>
    /// <param name="Id">Reversed entry.</param>
    /// <param name="Version">Its stream version.</param>
    /// <param name="ReversalId">The reversal entry.</param>
    public sealed record Response(Guid Id, long Version, Guid ReversalId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Date).NotNull();
            RuleFor(r => r.Memo).MaxChars(Bounds.Reason);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/journal-entries/{id:guid}/reverse", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time,
                IDocumentStore store, HttpContext http) =>
            {
                var reversalId = Guid.CreateVersion7();
                return executor.Execute<JournalEntry>(id, async (session, entry) =>
                {
                    var transaction = executor.Transaction!;
                    var schema = store.Options.DatabaseSchemaName;
                    var (ledger, accounts) = await LedgerSql.LockForPostingAsync(session, transaction, schema, request.Tenant,
                        entry.Lines.Select(l => l.AccountId), http.RequestAborted).ConfigureAwait(false);
                    var outcome = entry.Reverse(new ReverseJournalEntry(reversalId, body.Date!.Value, body.Memo), ledger, accounts, request.Decision(time));
                    var reversal = await LedgerSql.NumberAsync(transaction, schema, request.Tenant, outcome.Reversal, http.RequestAborted).ConfigureAwait(false);
                    session.Events.StartStream<JournalEntry>(reversalId, reversal);
                    return [outcome.Reversed];
                }, result => TypedResults.Ok(new Response(result.Id, result.Version, reversalId)));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("ReverseJournalEntry")
            .WithSummary("Reverse a journal entry")
            .WithDescription("409 entry-already-reversed, entry-not-posted (awaiting approval), period-closed, account-not-open.")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
