using BackOffice.Api.Ledger;
using BackOffice.Domain.Ledger;

namespace BackOffice.Api.Tests.Ledger;

/// <summary>
/// A textbook month in a tenant of its own ("books"): owner's investment (above the approval threshold), purchases on
/// credit, sales, payments, the reversal of a wrong entry, the period close; every balance and the trial balance are
/// checked against figures computed by hand.
/// </summary>
[Collection(ApiCollection.Name)]
public class TextbookMonthTests(ApiFixture api)
{
    private readonly HttpClient accountant = api.As("books-accountant");
    private readonly HttpClient manager = api.As("books-manager");

    [Fact]
    public async Task A_month_of_books_balances_to_the_cent()
    {
        var capital = await accountant.OpenAccount("101000", AccountType.Equity, "Capital");
        var bank = await accountant.OpenAccount("512000", AccountType.Asset, "Banque");
        var purchases = await accountant.OpenAccount("607000", AccountType.Expense, "Achats");
        var suppliers = await accountant.OpenAccount("401000", AccountType.Liability, "Fournisseurs");
        var customers = await accountant.OpenAccount("411000", AccountType.Asset, "Clients");
        var sales = await accountant.OpenAccount("706000", AccountType.Revenue, "Ventes");
        var postage = await accountant.OpenAccount("626000", AccountType.Expense, "Frais postaux");
        await (await accountant.PostJson("/api/accounts", new { code = "512000", name = "Again", type = "Asset" })).ShouldBeProblem(409, "duplicate-account-code");

        // Owner's investment of 20,000: above the default threshold of 10,000, it waits for a manager.
        var investment = await (await accountant.PostJson("/api/journal-entries",
            LedgerApi.Entry("2026-01-02", "BQ", (bank, 20_000m, null), (capital, null, 20_000m)))).ShouldBe<PostJournalEntryEndpoint.Response>(202);
        investment.Status.ShouldBe(JournalEntryStatus.AwaitingApproval);
        (await accountant.Account(bank)).Balance.ShouldBe(0m);
        await (await accountant.PostRaw($"/api/journal-entries/{investment.Id}/approve", "{}")).ShouldBeProblem(403, "forbidden");
        await (await manager.PostRaw($"/api/journal-entries/{investment.Id}/approve", "{}")).ShouldBe<CommandResponseBody>(200);
        var approved = await (await accountant.GetAsync($"/api/journal-entries/{investment.Id}")).ShouldBe<GetJournalEntryEndpoint.EntryView>(200);
        approved.Status.ShouldBe(JournalEntryStatus.Posted);
        approved.ApprovedBy.ShouldBe("books-manager");
        approved.Number.ShouldBe("BQ-2026-000001");

        (await accountant.Post(LedgerApi.Entry("2026-01-05", "AC", (purchases, 3_000m, null), (suppliers, null, 3_000m)))).Number.ShouldBe("AC-2026-000001");
        (await accountant.Post(LedgerApi.Entry("2026-01-10", "VE", (customers, 5_000m, null), (sales, null, 5_000m)))).Number.ShouldBe("VE-2026-000001");
        await accountant.Post(LedgerApi.Entry("2026-01-15", "BQ", (suppliers, 2_000m, null), (bank, null, 2_000m)));
        await accountant.Post(LedgerApi.Entry("2026-01-20", "BQ", (bank, 4_000m, null), (customers, null, 4_000m)));
        // Postage booked to purchases by mistake, reversed, then booked right.
        var wrong = await accountant.Post(LedgerApi.Entry("2026-01-22", "BQ", (purchases, 150m, null), (bank, null, 150m)));
        var reversed = await (await accountant.PostJson($"/api/journal-entries/{wrong.Id}/reverse", new { date = "2026-01-23" }))
            .ShouldBe<ReverseJournalEntryEndpoint.Response>(200);
        await (await accountant.PostJson($"/api/journal-entries/{wrong.Id}/reverse", new { date = "2026-01-23" })).ShouldBeProblem(409, "entry-already-reversed");
        var reversal = await (await accountant.GetAsync($"/api/journal-entries/{reversed.ReversalId}")).ShouldBe<GetJournalEntryEndpoint.EntryView>(200);
        reversal.ReversalOf.ShouldBe(wrong.Id);
        reversal.Lines.ShouldContain(l => l.AccountId == bank && l.Debit == 150m);
        (await (await accountant.GetAsync($"/api/journal-entries/{wrong.Id}")).ShouldBe<GetJournalEntryEndpoint.EntryView>(200)).ReversalId.ShouldBe(reversed.ReversalId);
        await accountant.Post(LedgerApi.Entry("2026-01-23", "BQ", (postage, 150m, null), (bank, null, 150m)));

        // Balances computed by hand.
        (await accountant.Account(bank)).Balance.ShouldBe(21_850m);
        (await accountant.Account(capital)).Balance.ShouldBe(20_000m);
        (await accountant.Account(purchases)).Balance.ShouldBe(3_000m);
        (await accountant.Account(suppliers)).Balance.ShouldBe(1_000m);
        (await accountant.Account(customers)).Balance.ShouldBe(1_000m);
        (await accountant.Account(sales)).Balance.ShouldBe(5_000m);
        (await accountant.Account(postage)).Balance.ShouldBe(150m);
        var bankView = await accountant.Account(bank);
        bankView.DebitTotal.ShouldBe(24_150m);
        bankView.CreditTotal.ShouldBe(2_300m);

        var trial = await accountant.TrialBalance("2026-01-31");
        trial.TotalDebit.ShouldBe(26_000m);
        trial.TotalCredit.ShouldBe(26_000m);
        trial.Lines.Single(l => l.AccountId == suppliers).Credit.ShouldBe(1_000m);
        trial.Lines.Single(l => l.AccountId == bank).Debit.ShouldBe(21_850m);

        // As of an accounting date: only the entries dated by then.
        (await accountant.Account(bank, "?asOfDate=2026-01-12")).Balance.ShouldBe(20_000m);
        var early = await accountant.TrialBalance("2026-01-12");
        early.TotalDebit.ShouldBe(28_000m);
        early.TotalCredit.ShouldBe(28_000m);

        // General ledger of the bank with its running balance.
        var ledger = await (await accountant.GetAsync($"/api/accounts/{bank}/ledger")).ShouldBe<GetGeneralLedgerEndpoint.GeneralLedger>(200);
        ledger.Lines.Select(l => l.Balance).ShouldBe([20_000m, 18_000m, 22_000m, 21_850m, 22_000m, 21_850m]);
        ledger.ClosingBalance.ShouldBe(21_850m);

        // Period close: nothing dated on or before it posts any more.
        await (await accountant.PostJson("/api/ledger/periods/close", new { through = "2026-01-31" })).ShouldBe<CommandResponseBody>(200);
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2026-01-31", (bank, 10m, null), (sales, null, 10m))))
            .ShouldBeProblem(409, "period-closed");
        await (await accountant.PostJson($"/api/journal-entries/{investment.Id}/reverse", new { date = "2026-01-30" })).ShouldBeProblem(409, "period-closed");

        // An entry awaiting approval when its period closes is refused at approval.
        var big = await (await accountant.PostJson("/api/journal-entries",
            LedgerApi.Entry("2026-02-03", (purchases, 12_000m, null), (suppliers, null, 12_000m)))).ShouldBe<PostJournalEntryEndpoint.Response>(202);
        var dashboard = await (await accountant.GetAsync("/api/dashboards/ledger")).ShouldBe<GetLedgerDashboardEndpoint.Dashboard>(200);
        dashboard.AwaitingApproval.ShouldContain(a => a.EntryId == big.Id && a.Total == 12_000m);
        dashboard.ClosedThrough.ShouldBe(new DateOnly(2026, 1, 31));
        dashboard.Totals.Single(t => t.Type == AccountType.Asset).Balance.ShouldBe(22_850m);
        dashboard.Totals.Single(t => t.Type == AccountType.Expense).Balance.ShouldBe(3_150m);
        dashboard.Monthly.Single(m => m.Period == "2026-01").ShouldBe(new GetLedgerDashboardEndpoint.Month("2026-01", 5_000m, 3_150m));
        await (await accountant.PostJson("/api/ledger/periods/close", new { through = "2026-02-28" })).ShouldBe<CommandResponseBody>(200);
        await (await manager.PostRaw($"/api/journal-entries/{big.Id}/approve", "{}")).ShouldBeProblem(409, "period-closed");
        await (await accountant.PostJson("/api/ledger/periods/close", new { through = "2026-02-01" })).ShouldBeProblem(409, "period-closed");

        // The FEC needs a SIREN.
        await (await accountant.GetAsync("/api/ledger/fec?fiscalYear=2026")).ShouldBeProblem(409, "siren-not-set");
    }
}
