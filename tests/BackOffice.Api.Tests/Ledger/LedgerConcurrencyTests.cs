using System.Collections.Concurrent;
using BackOffice.Domain.Ledger;

namespace BackOffice.Api.Tests.Ledger;

/// <summary>Postings to one hot account commute: 32 clients for 10 s, no conflict, no deadlock, no lost posting.</summary>
[Collection(ApiCollection.Name)]
public class LedgerConcurrencyTests(ApiFixture api)
{
    [Fact]
    public async Task Thirty_two_clients_posting_to_the_same_cash_account_never_conflict()
    {
        var accountant = api.As("demo-accountant");
        var cash = await accountant.OpenAccount(LedgerApi.Code("530"), AccountType.Asset);
        var revenues = new List<Guid>();
        for (var i = 0; i < 4; i++) revenues.Add(await accountant.OpenAccount(LedgerApi.Code("708"), AccountType.Revenue));
        var acknowledged = new ConcurrentBag<decimal>();
        var failures = new ConcurrentBag<string>();
        var until = DateTime.UtcNow.AddSeconds(10);
        var clients = Enumerable.Range(0, 32).Select(async n =>
        {
            var client = api.As("demo-accountant");
            var k = 0;
            while (DateTime.UtcNow < until)
            {
                var amount = 1m + (n % 7) + (k++ % 3) / 100m;
                // Half the entries touch the accounts in one order, half in the other: the lock order is the server's.
                var revenue = revenues[(n + k) % revenues.Count];
                var entry = n % 2 == 0
                    ? LedgerApi.Entry("2028-01-15", "BQ", (cash, amount, null), (revenue, null, amount))
                    : LedgerApi.Entry("2028-01-15", "BQ", (revenue, null, amount), (cash, amount, null));
                var response = await client.PostJson("/api/journal-entries", entry);
                if ((int)response.StatusCode == 201) acknowledged.Add(amount);
                else failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        });
        await Task.WhenAll(clients);

        failures.ShouldBeEmpty();
        acknowledged.Count.ShouldBeGreaterThan(32);
        (await accountant.Account(cash)).Balance.ShouldBe(acknowledged.Sum());
        var trial = await accountant.TrialBalance("2028-12-31");
        trial.TotalDebit.ShouldBe(trial.TotalCredit);
        Console.WriteLine($"Ledger concurrency: {acknowledged.Count} entries acknowledged in 10 s by 32 clients on one account");
    }
}
