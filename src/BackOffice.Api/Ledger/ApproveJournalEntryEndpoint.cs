using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>POST /api/journal-entries/{id}/approve</c>: a manager approves an entry awaiting approval, which posts it (and
/// numbers it) now; never its poster (403 <c>segregation-of-duties</c>). No body, or <c>{}</c>.
/// </summary>
public static class ApproveJournalEntryEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/journal-entries/{id:guid}/approve", (Guid id, CommandExecutor executor, RequestContext request, TimeProvider time,
                IDocumentStore store, HttpContext http) =>
                executor.Execute<JournalEntry>(id, async (session, entry) =>
                {
                    var transaction = executor.Transaction!;
                    var schema = store.Options.DatabaseSchemaName;
                    var (ledger, accounts) = await LedgerSql.LockForPostingAsync(session, transaction, schema, request.Tenant,
                        entry.Lines.Select(l => l.AccountId), http.RequestAborted).ConfigureAwait(false);
                    var events = entry.Approve(ledger, accounts, request.Decision(time));
                    return await LedgerSql.NumberAllAsync(transaction, schema, request.Tenant, events, http.RequestAborted).ConfigureAwait(false);
                }, Responses.Ok))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Manager))
            .WithName("ApproveJournalEntry")
            .WithSummary("Approve a journal entry awaiting approval")
            .WithDescription("Manager role; the entry's poster may not approve it (403 segregation-of-duties). 409 period-closed when its date was closed meanwhile.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
