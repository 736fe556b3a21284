using BackOffice.Domain.Ledger;

namespace BackOffice.Domain.Tests.Ledger;

using LedgerState = BackOffice.Domain.Ledger.Ledger;

/// <summary>The ledger's decisions: given / when / then, no database.</summary>
public class LedgerSpecs
{
    private static readonly Guid Cash = Spec.Id(101);
    private static readonly Guid Sales = Spec.Id(102);
    private static readonly LedgerState Books = LedgerState.Default(Spec.Id(900));

    private static Dictionary<Guid, Account> Accounts(AccountStatus cashStatus = AccountStatus.Open) => new()
    {
        [Cash] = new Account(Cash, "512", "Bank", AccountType.Asset, cashStatus),
        [Sales] = new Account(Sales, "706", "Sales", AccountType.Revenue, AccountStatus.Open),
    };

    private static PostJournalEntry Entry(decimal debit, decimal credit, string date = "2026-03-02", string? journal = null)
        => new(Spec.Id(1), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "Sale", journal, "F-1", null,
            [new PostingLine(Cash, debit, null), new PostingLine(Sales, null, credit)]);

    [Fact]
    public void A_balanced_entry_posts_in_its_fiscal_year_and_is_numbered_by_its_journal_counter()
    {
        var posted = Spec.When(() => JournalEntry.Post(Entry(120.50m, 120.50m, journal: "VE"), Books, Accounts(), Spec.As("acc")))
            .EventOf<JournalEntryPosted>();
        posted.FiscalYear.ShouldBe(2026);
        posted.Total.ShouldBe(120.50m);
        posted.Lines.ShouldBe([new EntryLine(Cash, 120.50m, 0m), new EntryLine(Sales, 0m, 120.50m)]);
        JournalEntry.Numbered(posted, 42).Number.ShouldBe("VE-2026-000042");
    }

    [Fact]
    public void An_unbalanced_entry_is_refused_naming_both_totals()
    {
        var error = Spec.When(() => JournalEntry.Post(Entry(100m, 90m), Books, Accounts(), Spec.As("acc"))).ThenRefused(ErrorCodes.EntryUnbalanced, "lines");
        error.Message.ShouldContain("100.00");
        error.Message.ShouldContain("90.00");
    }

    [Fact]
    public void Lines_need_one_positive_amount_with_at_most_two_decimals()
    {
        Spec.When(() => JournalEntry.Post(Entry(1.001m, 1.001m), Books, Accounts(), Spec.As("acc"))).ThenRefused(ErrorCodes.ValidationFailed, "lines[0].debit");
        Spec.When(() => JournalEntry.Post(Entry(0m, 0m), Books, Accounts(), Spec.As("acc"))).ThenRefused(ErrorCodes.ValidationFailed, "lines[0].debit");
        Spec.When(() => JournalEntry.Post(Entry(5m, 5m) with { Lines = [new PostingLine(Cash, 5m, 5m), new PostingLine(Sales, null, 5m)] },
            Books, Accounts(), Spec.As("acc"))).ThenRefused(ErrorCodes.ValidationFailed, "lines[0]");
        Spec.When(() => JournalEntry.Post(Entry(5m, 5m) with { Lines = [new PostingLine(Cash, 5m, null)] },
            Books, Accounts(), Spec.As("acc"))).ThenRefused(ErrorCodes.ValidationFailed, "lines");
    }

    [Fact]
    public void A_frozen_account_a_closed_period_and_an_unknown_journal_are_refused()
    {
        Spec.When(() => JournalEntry.Post(Entry(5m, 5m), Books, Accounts(AccountStatus.Frozen), Spec.As("acc"))).ThenRefused(ErrorCodes.AccountNotOpen);
        Spec.When(() => JournalEntry.Post(Entry(5m, 5m), Books with { ClosedThrough = new DateOnly(2026, 3, 2) }, Accounts(), Spec.As("acc")))
            .ThenRefused(ErrorCodes.PeriodClosed, "date");
        Spec.When(() => JournalEntry.Post(Entry(5m, 5m, journal: "XX"), Books, Accounts(), Spec.As("acc"))).ThenRefused(ErrorCodes.ValidationFailed, "journalCode");
    }

    [Fact]
    public void Above_the_threshold_an_entry_waits_for_a_manager_other_than_its_poster()
    {
        var waiting = Spec.When(() => JournalEntry.Post(Entry(10_000.01m, 10_000.01m), Books, Accounts(), Spec.As("alice")))
            .EventOf<JournalEntryAwaitingApproval>();
        Spec.Given(JournalEntry.From, waiting).When(e => e.Approve(Books, Accounts(), Spec.As("alice"))).ThenRefused(ErrorCodes.SegregationOfDuties);
        Spec.Given(JournalEntry.From, waiting)
            .When(e => e.Approve(Books with { ClosedThrough = new DateOnly(2026, 12, 31) }, Accounts(), Spec.As("bob")))
            .ThenRefused(ErrorCodes.PeriodClosed);
        Spec.Given(JournalEntry.From, waiting).When(e => e.Approve(Books, Accounts(), Spec.As("bob")))
            .And(e => e.Status.ShouldBe(JournalEntryStatus.Posted))
            .And(e => e.ApprovedBy.ShouldBe("bob"));
    }

    [Fact]
    public void A_reversal_mirrors_the_lines_links_both_entries_and_happens_once()
    {
        var posted = JournalEntry.Numbered(
            (JournalEntryPosted)JournalEntry.Post(Entry(80m, 80m), Books, Accounts(), Spec.As("acc"))[0], 7);
        var outcome = JournalEntry.From([posted])!.Reverse(new ReverseJournalEntry(Spec.Id(2), new DateOnly(2026, 3, 9), null), Books, Accounts(), Spec.As("acc"));
        outcome.Reversed.ShouldBe(new JournalEntryReversed(posted.EntryId, Spec.Id(2), new DateOnly(2026, 3, 9)));
        outcome.Reversal.Lines.ShouldBe([new EntryLine(Cash, 0m, 80m), new EntryLine(Sales, 80m, 0m)]);
        outcome.Reversal.ReversalOf.ShouldBe(posted.EntryId);
        outcome.Reversal.Memo.ShouldBe("Reversal of OD-2026-000007");
        Spec.Given(JournalEntry.From, posted, outcome.Reversed)
            .When(e => new object[] { e.Reverse(new ReverseJournalEntry(Spec.Id(3), new DateOnly(2026, 3, 9), null), Books, Accounts(), Spec.As("acc")) })
            .ThenRefused(ErrorCodes.EntryAlreadyReversed);
    }

    [Fact]
    public void Accounts_freeze_unfreeze_and_close_only_at_a_zero_balance()
    {
        var opened = Account.Open(new OpenAccount(Cash, "512", "Bank", AccountType.Asset))[0];
        Spec.Given(Account.From, opened).When(a => a.Freeze()).Then(new AccountFrozen(Cash)).And(a => a.Status.ShouldBe(AccountStatus.Frozen));
        Spec.Given(Account.From, opened).When(a => a.Unfreeze()).ThenRefused(ErrorCodes.AccountNotFrozen);
        Spec.Given(Account.From, opened).When(a => a.Close(100m, 40m)).ThenRefused(ErrorCodes.AccountBalanceNotZero);
        Spec.Given(Account.From, opened).When(a => a.Close(40m, 40m)).Then(new AccountClosed(Cash));
        Spec.Given(Account.From, opened, new AccountClosed(Cash)).When(a => a.Freeze()).ThenRefused(ErrorCodes.AccountNotOpen);
        Spec.When(() => Account.Open(new OpenAccount(Cash, "5 12", "Bank", AccountType.Asset))).ThenRefused(ErrorCodes.ValidationFailed, "code");
    }

    [Fact]
    public void Balances_are_signed_in_the_normal_direction_and_fiscal_years_follow_the_year_end()
    {
        Balances.Of(AccountType.Asset, 100m, 30m).ShouldBe(70m);
        Balances.Of(AccountType.Liability, 100m, 30m).ShouldBe(-70m);
        Balances.TrialLine(30m, 100m).ShouldBe((0m, 70m));
        var june = Books with { FiscalYearEnd = "06-30" };
        june.FiscalYearOf(new DateOnly(2026, 6, 30)).ShouldBe(2026);
        june.FiscalYearOf(new DateOnly(2026, 7, 1)).ShouldBe(2027);
        june.YearStart(2027).ShouldBe(new DateOnly(2026, 7, 1));
        Spec.Given(LedgerState.From, new PeriodClosed(Books.Id, new DateOnly(2026, 1, 31)))
            .When(l => l.Close(new ClosePeriod(new DateOnly(2026, 1, 15)))).ThenRefused(ErrorCodes.PeriodClosed, "through");
        Spec.Given(LedgerState.From, new PeriodClosed(Books.Id, new DateOnly(2026, 1, 31)))
            .When(l => l.ChangeSettings(new ChangeLedgerSettings("12345678", "12-31", 10m))).ThenRefused(ErrorCodes.ValidationFailed, "siren");
        LedgerState.IdFor("demo").ShouldBe(LedgerState.IdFor("demo"));
        LedgerState.IdFor("demo").ShouldNotBe(LedgerState.IdFor("acme"));
    }
}
