using BackOffice.Api.Ledger;
using BackOffice.Domain.Ledger;

namespace BackOffice.Api.Tests.Ledger;

/// <summary>Ledger requests shared by the ledger tests.</summary>
public static class LedgerApi
{
    public static string Code(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Guid> OpenAccount(this HttpClient client, string code, AccountType type, string? name = null)
    {
        var response = await client.PostJson("/api/accounts", new { code, name = name ?? code, type = type.ToString() });
        return (await response.ShouldBe<CommandResponseBody>(201)).Id;
    }

    public static object Entry(string date, params (Guid Account, decimal? Debit, decimal? Credit)[] lines) => Entry(date, "OD", lines);

    public static object Entry(string date, string journalCode, params (Guid Account, decimal? Debit, decimal? Credit)[] lines) => new
    {
        date,
        memo = "Entry of " + date,
        journalCode,
        lines = lines.Select(l => new { accountId = l.Account, debit = l.Debit, credit = l.Credit }).ToArray(),
    };

    /// <summary>Posts an entry that must post at once (201); returns its answer.</summary>
    public static async Task<PostJournalEntryEndpoint.Response> Post(this HttpClient client, object entry)
        => await (await client.PostJson("/api/journal-entries", entry)).ShouldBe<PostJournalEntryEndpoint.Response>(201);

    public static async Task<GetAccountEndpoint.AccountView> Account(this HttpClient client, Guid id, string? query = null)
        => await (await client.GetAsync($"/api/accounts/{id}{query}")).ShouldBe<GetAccountEndpoint.AccountView>(200);

    public static async Task<LedgerReadsEndpoints.TrialBalance> TrialBalance(this HttpClient client, string asOfDate)
        => await (await client.GetAsync($"/api/ledger/trial-balance?asOfDate={asOfDate}")).ShouldBe<LedgerReadsEndpoints.TrialBalance>(200);
}

/// <summary><c>{ id, version }</c>.</summary>
public sealed record CommandResponseBody(Guid Id, long Version);
