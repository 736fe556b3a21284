using BackOffice.Domain.Ledger;
using CsCheck;

namespace BackOffice.Domain.Tests.Ledger;

using LedgerState = BackOffice.Domain.Ledger.Ledger;

/// <summary>
/// Invariants of the ledger over random sets of entries, reversals and period closes, each decided by the domain on
/// the state so far (refusals skipped, as the API would answer them): every account's balance is the sum of its
/// postings, the trial balance balances at every date, and the same posted entries applied in any order give the same
/// balances (postings commute).
/// </summary>
public class LedgerProperties
{
    private const int AccountCount = 5;
    private static readonly Guid[] Ids = [.. Enumerable.Range(1, AccountCount).Select(Spec.Id)];
    private static readonly AccountType[] Types = [AccountType.Asset, AccountType.Liability, AccountType.Equity, AccountType.Revenue, AccountType.Expense];

    private sealed record Step(int Kind, int Day, int[] Accounts, int[] Cents, int Target);

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 9], Gen.Int[1, 120], Gen.Int[0, AccountCount - 1].Array[2, 4],
        Gen.Int[1, 500_000].Array[2, 4], Gen.Int[0, 1000], (kind, day, accounts, cents, target) => new Step(kind, day, accounts, cents, target));

    private static Dictionary<Guid, (decimal Debit, decimal Credit)> Totals(IEnumerable<JournalEntryPosted> posted, DateOnly? asOf = null)
    {
        var totals = new Dictionary<Guid, (decimal Debit, decimal Credit)>();
        foreach (var line in posted.Where(p => asOf is null || p.Date <= asOf).SelectMany(p => p.Lines))
        {
            var (d, c) = totals.GetValueOrDefault(line.AccountId);
            totals[line.AccountId] = (d + line.Debit, c + line.Credit);
        }
        return totals;
    }

    [Fact]
    public void Balances_equal_their_postings_trial_balances_balance_and_postings_commute()
        => StepGen.Array[1, 50].Sample(steps =>
        {
            var accounts = Ids.Select((id, i) => new Account(id, $"{i}", $"A{i}", Types[i], AccountStatus.Open)).ToDictionary(a => a.Id);
            var ledger = LedgerState.Default(Spec.Id(999));
            var entries = new Dictionary<Guid, JournalEntry>();
            var posted = new List<JournalEntryPosted>();
            var start = new DateOnly(2026, 1, 1);
            var n = 0;
            foreach (var step in steps)
            {
                var context = Spec.As(step.Kind % 2 == 0 ? "alice" : "bob");
                try
                {
                    IReadOnlyList<IJournalEntryEvent> events;
                    if (step.Kind <= 5)
                    {
                        // A balanced entry: the last line takes the difference (on whichever side it falls).
                        var lines = step.Accounts.Select((a, i) => new PostingLine(Ids[a], i % 2 == 0 ? step.Cents[i % step.Cents.Length] / 100m : null,
                            i % 2 == 1 ? step.Cents[i % step.Cents.Length] / 100m : null)).ToList();
                        var gap = lines.Sum(l => l.Debit ?? 0) - lines.Sum(l => l.Credit ?? 0);
                        if (gap != 0) lines.Add(new PostingLine(Ids[step.Target % AccountCount], gap < 0 ? -gap : null, gap > 0 ? gap : null));
                        events = JournalEntry.Post(new PostJournalEntry(Spec.Id(10_000 + ++n), start.AddDays(step.Day), "memo", null, null, null, lines),
                            ledger, accounts, context);
                    }
                    else if (step.Kind <= 7 && entries.Count > 0)
                    {
                        var entry = entries.Values.ElementAt(step.Target % entries.Count);
                        if (step.Kind == 6)
                        {
                            var outcome = entry.Reverse(new ReverseJournalEntry(Spec.Id(10_000 + ++n), start.AddDays(step.Day), null), ledger, accounts, context);
                            entries[entry.Id] = JournalEntry.Evolve(entry, outcome.Reversed)!;
                            events = [outcome.Reversal];
                        }
                        else
                        {
                            events = entry.Approve(ledger, accounts, context);
                        }
                    }
                    else if (step.Kind == 8)
                    {
                        ledger = ledger.Close(new ClosePeriod(start.AddDays(step.Day / 4))).Aggregate(ledger, LedgerState.Evolve);
                        continue;
                    }
                    else continue;
                    foreach (var e in events)
                    {
                        var numbered = e is JournalEntryPosted p ? JournalEntry.Numbered(p, posted.Count + 1) : e;
                        entries[e.EntryId] = JournalEntry.Evolve(entries.GetValueOrDefault(e.EntryId), numbered)!;
                        if (numbered is JournalEntryPosted done)
                        {
                            done.Date.ShouldBeGreaterThan(ledger.ClosedThrough ?? DateOnly.MinValue);
                            posted.Add(done);
                        }
                    }
                }
                catch (DomainException)
                {
                    // Refused, as the API would answer it: nothing changes.
                }
            }

            var totals = Totals(posted);
            foreach (var id in Ids)
            {
                var mine = posted.SelectMany(p => p.Lines).Where(l => l.AccountId == id).ToList();
                totals.GetValueOrDefault(id).ShouldBe((mine.Sum(l => l.Debit), mine.Sum(l => l.Credit)));
            }
            for (var day = 0; day <= 125; day += 5)
            {
                var trial = Totals(posted, start.AddDays(day)).Values.Select(t => Balances.TrialLine(t.Debit, t.Credit)).ToList();
                trial.Sum(t => t.Debit).ShouldBe(trial.Sum(t => t.Credit));
            }
            var shuffled = posted.OrderBy(p => p.EntryId.GetHashCode() ^ steps.Length).ToList();
            var reversed = Enumerable.Reverse(posted).ToList();
            foreach (var id in Ids)
            {
                var type = accounts[id].Type;
                var expected = Balances.Of(type, totals.GetValueOrDefault(id).Debit, totals.GetValueOrDefault(id).Credit);
                Balances.Of(type, Totals(shuffled).GetValueOrDefault(id).Debit, Totals(shuffled).GetValueOrDefault(id).Credit).ShouldBe(expected);
                Balances.Of(type, Totals(reversed).GetValueOrDefault(id).Debit, Totals(reversed).GetValueOrDefault(id).Credit).ShouldBe(expected);
            }
        });
}
