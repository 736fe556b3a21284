using System.Globalization;
using BackOffice.Api.Ledger;
using BackOffice.Domain.Ledger;

namespace BackOffice.Api.Tests.Ledger;

/// <summary>The FEC of fiscal year 2027 (tenant demo), parsed back and checked.</summary>
[Collection(ApiCollection.Name)]
public class FecExportTests(ApiFixture api)
{
    private readonly HttpClient accountant = api.As("demo-accountant");

    [Fact]
    public async Task The_fec_has_its_legal_header_18_columns_balanced_entries_gapless_numbers_and_the_trial_balance_totals()
    {
        await (await accountant.PutAsync("/api/ledger/settings", new StringContent(
            """{"siren":"732829320","fiscalYearEnd":"12-31","approvalThreshold":10000}""", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBe<CommandResponseBody>(200);
        var bank = await accountant.OpenAccount(LedgerApi.Code("512"), AccountType.Asset, "Banque\tcentrale");
        var sales = await accountant.OpenAccount(LedgerApi.Code("706"), AccountType.Revenue);
        var customers = await accountant.OpenAccount(LedgerApi.Code("411"), AccountType.Asset);
        var purchases = await accountant.OpenAccount(LedgerApi.Code("607"), AccountType.Expense);
        for (var i = 1; i <= 3; i++)
            await accountant.Post(LedgerApi.Entry($"2027-02-0{i}", "VE", (customers, 1000.5m * i, null), (sales, null, 1000.5m * i)));
        await accountant.Post(LedgerApi.Entry("2027-02-10", "BQ", (bank, 2001m, null), (customers, null, 2001m)));
        var wrong = await accountant.Post(LedgerApi.Entry("2027-03-01", "AC", (purchases, 99.99m, null), (bank, null, 99.99m)));
        await accountant.PostJson($"/api/journal-entries/{wrong.Id}/reverse", new { date = "2027-03-02" });

        await (await api.As("demo-clerk").GetAsync("/api/ledger/fec?fiscalYear=2027")).ShouldBeProblem(403, "forbidden");
        await (await accountant.GetAsync("/api/ledger/fec")).ShouldBeProblem(400, "validation-failed");
        var response = await api.As("demo-auditor").GetAsync("/api/ledger/fec?fiscalYear=2027");
        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/tab-separated-values");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("732829320FEC20271231.txt");

        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join('\t', ExportFecEndpoint.Columns));
        lines[0].Split('\t').Length.ShouldBe(18);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        rows.ShouldAllBe(r => r.Length == 18);
        rows.ShouldAllBe(r => r[3].StartsWith("2027", StringComparison.Ordinal) && r[3].Length == 8);
        static decimal Amount(string s) => decimal.Parse(s.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        rows.ShouldAllBe(r => r[11].Contains(',') && r[12].Contains(',') && !r[11].Contains('.'));
        foreach (var entry in rows.GroupBy(r => r[2]))
            entry.Sum(r => Amount(r[11])).ShouldBe(entry.Sum(r => Amount(r[12])), entry.Key);
        foreach (var journal in rows.GroupBy(r => r[0]))
        {
            var numbers = journal.Select(r => r[2]).Distinct().Select(n => int.Parse(n[^6..], CultureInfo.InvariantCulture)).Order().ToList();
            numbers.ShouldBe(Enumerable.Range(1, numbers.Count), journal.Key);
        }
        rows.ShouldContain(r => r[5] == "Banque centrale");

        // Per account, the year's movements in the file equal the trial balance's.
        var end = await accountant.TrialBalance("2027-12-31");
        var start = await accountant.TrialBalance("2026-12-31");
        end.TotalDebit.ShouldBe(end.TotalCredit);
        foreach (var account in rows.GroupBy(r => r[4]))
        {
            var net = account.Sum(r => Amount(r[11]) - Amount(r[12]));
            decimal Net(LedgerReadsEndpoints.TrialBalance tb) => tb.Lines.Where(l => l.Code == account.Key).Sum(l => l.Debit - l.Credit);
            net.ShouldBe(Net(end) - Net(start), account.Key);
        }
        rows.Where(r => r[4] == rows.First(x => x[5] == "Banque centrale")[4]).Sum(r => Amount(r[11]) - Amount(r[12])).ShouldBe(2001m);
    }
}
