using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using Marten;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>POST /api/accounts/{id}/freeze</c>, <c>…/unfreeze</c>, <c>…/close</c>: the commands that depend on the account's
/// exact state, so they take its stream row exclusively (and wait for postings in flight, which hold it shared).
/// Close needs a zero balance, summed from the postings inside the same transaction. No body, or <c>{}</c>.
/// </summary>
public static class AccountStatusEndpoints
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts/{id:guid}/freeze", (Guid id, CommandExecutor executor) =>
                executor.Execute<Account>(id, account => account.Freeze(), Responses.Ok))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("FreezeAccount")
            .WithSummary("Freeze an account (no posting until unfrozen)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

        app.MapPost("/api/accounts/{id:guid}/unfreeze", (Guid id, CommandExecutor executor) =>
                executor.Execute<Account>(id, account => account.Unfreeze(), Responses.Ok))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("UnfreezeAccount")
            .WithSummary("Unfreeze an account")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

        app.MapPost("/api/accounts/{id:guid}/close", (Guid id, CommandExecutor executor, RequestContext request, IDocumentStore store, HttpContext http) =>
                executor.Execute<Account>(id, async (session, account) =>
                {
                    var transaction = executor.Transaction!;
                    var totals = await LedgerSql.TotalsAsync(transaction.Connection!, transaction, store.Options.DatabaseSchemaName, request.Tenant,
                        id, null, null, http.RequestAborted).ConfigureAwait(false);
                    var (debit, credit) = totals.GetValueOrDefault(id);
                    return [.. account.Close(debit, credit)];
                }, Responses.Ok))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("CloseAccount")
            .WithSummary("Close an account (zero balance only)")
            .WithDescription("409 account-balance-not-zero when its balance is not zero; a closed account takes no posting (409 account-not-open).")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
    }
}
