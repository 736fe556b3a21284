using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using FluentValidation;
using Marten;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>POST /api/journal-entries</c>: posts a balanced entry in one transaction (201 <c>Posted</c>), or records it to await
/// approval when its total exceeds the tenant's threshold (202 <c>AwaitingApproval</c>). The entry is a stream of its
/// own: entries posting to the same account do not conflict (ADR 0012).
/// </summary>
public static class PostJournalEntryEndpoint
{
    /// <summary>A line: exactly one of debit or credit, &gt; 0, at most 2 decimals.</summary>
    /// <param name="AccountId">An open account.</param>
    /// <param name="Debit">Amount debited.</param>
    /// <param name="Credit">Amount credited.</param>
    public sealed record Line(Guid? AccountId, decimal? Debit, decimal? Credit);

    /// <summary>Body of the request.</summary>
    /// <param name="Date">Accounting date (yyyy-MM-dd), not in a closed period.</param>
    /// <param name="Memo">Label (1–500).</param>
    /// <param name="JournalCode">Journal (default OD).</param>
    /// <param name="PieceRef">Supporting document's reference.</param>
    /// <param name="PieceDate">Supporting document's date.</param>
    /// <param name="Lines">Two or more lines; debits = credits (else 400 entry-unbalanced).</param>
    public sealed record Request(DateOnly? Date, string? Memo, string? JournalCode, string? PieceRef, DateOnly? PieceDate, IReadOnlyList<Line>? Lines)
        : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(new DateOnly(2026, 3, 2), "Office supplies, invoice 2026-118", "AC", "2026-118", new DateOnly(2026, 3, 1),
        [
            new Line(Guid.Parse("01a22131-5e15-7140-86f1-089d836b1a56"), 120.00m, null),
            new Line(Guid.Parse("01a22131-5e15-7140-86f1-089d836b1a57"), null, 120.00m),
        ]);
    }

    /// <summary>The answer.</summary>
    /// <param name="Id">Entry id.</param>
    /// <param name="Version">Stream version.</param>
    /// <param name="Status">Posted or AwaitingApproval.</param>
    /// <param name="Number">Gapless number once posted.</param>
    public sealed record Response(Guid Id, long Version, JournalEntryStatus Status, string? Number) : CommandResponse(Id, Version);

    /// <summary>The most lines one entry may have (a new bound: a payroll run or a month's bank statement fits).</summary>
    public const int MaxLines = 500;

    internal sealed class LineValidator : AbstractValidator<Line>
    {
        public LineValidator()
        {
            RuleFor(l => l.Debit).Within(Bounds.Cent, Bounds.Money);
            RuleFor(l => l.Credit).Within(Bounds.Cent, Bounds.Money);
        }
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Date).NotNull();
            RuleFor(r => r.Memo).NotNull();
            RuleFor(r => r.Lines).NotNull();
            RuleFor(r => r.Memo).MaxChars(Bounds.Reason);
            RuleFor(r => r.JournalCode).MaxChars(10);
            RuleFor(r => r.PieceRef).MaxChars(100);
            RuleFor(r => r.Lines).MaxItems(PostJournalEntryEndpoint.MaxLines);
            RuleForEach(r => r.Lines).SetValidator(new LineValidator());
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/journal-entries", (Request body, CommandExecutor executor, RequestContext request, TimeProvider time,
                IDocumentStore store, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                var lines = body.Lines!.Select(l => new PostingLine(l?.AccountId ?? Guid.Empty, l?.Debit, l?.Credit)).ToList();
                var command = new PostJournalEntry(id, body.Date!.Value, body.Memo!, body.JournalCode, body.PieceRef, body.PieceDate, lines);
                return executor.Start<JournalEntry>(id, async session =>
                {
                    var transaction = executor.Transaction!;
                    var schema = store.Options.DatabaseSchemaName;
                    var (ledger, accounts) = await LedgerSql.LockForPostingAsync(session, transaction, schema, request.Tenant,
                        lines.Select(l => l.AccountId), http.RequestAborted).ConfigureAwait(false);
                    var events = JournalEntry.Post(command, ledger, accounts, request.Decision(time));
                    return await LedgerSql.NumberAllAsync(transaction, schema, request.Tenant, events, http.RequestAborted).ConfigureAwait(false);
                }, Respond);
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("PostJournalEntry")
            .WithSummary("Post a journal entry")
            .WithDescription("201 Posted, or 202 AwaitingApproval when the total exceeds the tenant's approval threshold. 400 entry-unbalanced names the totals; "
                + "409 account-not-open for a frozen or closed account, period-closed for a date in a closed period.")
            .Produces<Response>(StatusCodes.Status201Created)
            .Produces<Response>(StatusCodes.Status202Accepted)
            .ProducesCommandProblems(StatusCodes.Status409Conflict);

    private static IResult Respond(CommandResult result)
    {
        var posted = result.Find<JournalEntryPosted>();
        var body = new Response(result.Id, result.Version, posted is null ? JournalEntryStatus.AwaitingApproval : JournalEntryStatus.Posted, posted?.Number);
        return posted is null
            ? TypedResults.Accepted($"/api/journal-entries/{result.Id}", body)
            : TypedResults.Created($"/api/journal-entries/{result.Id}", body);
    }
}
