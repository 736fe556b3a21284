using System.Globalization;
using System.Text;
using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using BackOffice.Projections.Ledger;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Ledger;

/// <summary>
/// <c>GET /api/ledger/fec?fiscalYear=</c> (accountant, auditor): the French statutory export (Fichier des écritures
/// comptables, article A47 A-1 LPF) of one fiscal year: a header line with the 18 column names, then one line per entry
/// line in validation (posting) order; tab-separated, dates <c>yyyyMMdd</c>, amounts with a decimal comma and no
/// thousands separator; named <c>&lt;SIREN&gt;FEC&lt;yyyyMMdd of the year end&gt;.txt</c>.
/// </summary>
public static class ExportFecEndpoint
{
    /// <summary>The 18 columns, in their legal order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
        "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
    ];

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ledger/fec", async ([FromQuery] int? fiscalYear, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                if (fiscalYear is not { } year || year is < 1900 or > 9999)
                    throw Domain.Common.DomainException.Invalid("fiscalYear", "'fiscalYear' is required: the calendar year in which the fiscal year ends (e.g. 2026).");
                await using var session = store.QuerySession(request);
                var (ledger, _) = await LedgerReadsEndpoints.LoadLedger(session, request.Tenant, http.RequestAborted).ConfigureAwait(false);
                if (ledger.Siren is null)
                    return Problem.Result(Domain.Common.ErrorCodes.SirenNotSet, "Set the SIREN in PUT /api/ledger/settings before exporting the FEC.");
                var postings = await session.Query<LedgerPosting>().Where(p => p.FiscalYear == year).ToListAsync(http.RequestAborted).ConfigureAwait(false);
                var accounts = (await session.LoadManyAsync<Account>(http.RequestAborted, postings.Select(p => p.AccountId).Distinct())
                    .ConfigureAwait(false)).ToDictionary(a => a.Id);
                var text = Write(ledger, accounts, postings);
                var fileName = string.Create(CultureInfo.InvariantCulture, $"{ledger.Siren}FEC{ledger.YearEnd(year):yyyyMMdd}.txt");
                return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/tab-separated-values", fileName);
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant, Roles.Auditor))
            .WithName("ExportFec")
            .WithSummary("FEC export of a fiscal year (accountant, auditor)")
            .WithDescription("fiscalYear: the calendar year the fiscal year ends in. 409 siren-not-set without a SIREN in the ledger settings.")
            .Produces<string>(StatusCodes.Status200OK, "text/tab-separated-values")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesReadProblems();

    /// <summary>The file's text: the header, then the lines in validation order (posting time, number, line).</summary>
    internal static string Write(Domain.Ledger.Ledger ledger, IReadOnlyDictionary<Guid, Account> accounts, IEnumerable<LedgerPosting> postings)
    {
        var journals = ledger.Journals.ToDictionary(j => j.Code, j => j.Name, StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(string.Join('\t', Columns)).Append("\r\n");
        foreach (var p in postings.OrderBy(p => p.RecordedAt).ThenBy(p => p.Number, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            var account = accounts.GetValueOrDefault(p.AccountId);
            string[] fields =
            [
                p.JournalCode, journals.GetValueOrDefault(p.JournalCode, p.JournalCode), p.Number, Date(p.Date),
                account?.Code ?? "", account?.Name ?? "", "", "",
                p.PieceRef ?? p.Number, Date(p.PieceDate ?? p.Date), p.Memo, Amount(p.Debit), Amount(p.Credit), "", "",
                Date(DateOnly.FromDateTime(p.RecordedAt.UtcDateTime)), "", "",
            ];
            text.Append(string.Join('\t', fields.Select(Clean))).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
