namespace BackOffice.Client.Tests;

/// <summary>A ledger journal entry through the generated client: two accounts, a balanced entry, the trial balance.</summary>
[Collection(ClientCollection.Name)]
public class LedgerThroughClientTests(ClientFixture api)
{
    private readonly LedgerClient accountant = new(api.Http("demo-accountant"));

    [Fact]
    public async Task An_accountant_opens_two_accounts_posts_a_balanced_entry_and_reads_it_in_the_trial_balance()
    {
        var tag = Generated.Tag();
        var cash = await accountant.OpenAccountAsync(new OpenAccountRequest { Code = "512-" + tag, Name = "Bank " + tag, Type = AccountType.Asset });
        cash.StatusCode.ShouldBe(201);
        var revenue = (await accountant.OpenAccountAsync(new OpenAccountRequest { Code = "706-" + tag, Name = "Services " + tag, Type = AccountType.Revenue })).Result.Id;
        var today = DateTimeOffset.UtcNow.Date;

        // Unbalanced: refused with a typed problem.
        await accountant.PostJournalEntryAsync(Entry(today, cash.Result.Id, revenue, 100.10m, 90m)).ShouldFailWith(400, "entry-unbalanced");

        var posted = await accountant.PostJournalEntryAsync(Entry(today, cash.Result.Id, revenue, 1234.56m, 1234.56m));
        posted.StatusCode.ShouldBe(201);
        var entry = (await accountant.GetJournalEntryAsync(posted.Result.Id)).Result;
        entry.Lines.Sum(l => l.Debit ?? 0m).ShouldBe(1234.56m);
        entry.Total.ShouldBe(1234.56m);

        var trial = (await accountant.GetTrialBalanceAsync(today)).Result;
        trial.TotalDebit.ShouldBe(trial.TotalCredit);
        var lines = trial.Lines.Where(l => l.Code.EndsWith(tag, StringComparison.Ordinal)).OrderBy(l => l.Code).ToList();
        lines.Count.ShouldBe(2);
        lines[0].AccountId.ShouldBe(cash.Result.Id);
        lines[0].Debit.ShouldBe(1234.56m);
        lines[0].Credit.ShouldBe(0m);
        lines[1].AccountId.ShouldBe(revenue);
        lines[1].Credit.ShouldBe(1234.56m);
        (await accountant.GetAccountAsync(cash.Result.Id)).Result.Balance.ShouldBe(1234.56m);
    }

    private static PostJournalEntryRequest Entry(DateTimeOffset date, Guid debit, Guid credit, decimal debitAmount, decimal creditAmount) => new()
    {
        Date = date,
        Memo = "Consulting invoice",
        JournalCode = "OD",
        Lines = [new PostJournalEntryLine { AccountId = debit, Debit = debitAmount }, new PostJournalEntryLine { AccountId = credit, Credit = creditAmount }],
    };
}
