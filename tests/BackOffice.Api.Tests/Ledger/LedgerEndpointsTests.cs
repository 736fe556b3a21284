using System.Text.Json;
using BackOffice.Api.Ledger;
using BackOffice.Domain.Ledger;

namespace BackOffice.Api.Tests.Ledger;

/// <summary>Accounts, entries, approval and journals: the rules and their refusals (tenant demo, dates in 2025).</summary>
[Collection(ApiCollection.Name)]
public class LedgerEndpointsTests(ApiFixture api)
{
    private readonly HttpClient accountant = api.As("demo-accountant");
    private readonly HttpClient clerk = api.As("demo-clerk");

    private async Task<(Guid Cash, Guid Revenue)> TwoAccounts()
        => (await accountant.OpenAccount(LedgerApi.Code("512"), AccountType.Asset), await accountant.OpenAccount(LedgerApi.Code("706"), AccountType.Revenue));

    [Fact]
    public async Task Entries_must_be_balanced_with_one_positive_amount_of_at_most_two_decimals_per_line()
    {
        var (cash, revenue) = await TwoAccounts();
        var unbalanced = await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, 100m, null), (revenue, null, 90m))))
            .ShouldBeProblem(400, "entry-unbalanced");
        unbalanced.GetProperty("detail").GetString()!.ShouldContain("100.00");
        unbalanced.GetProperty("detail").GetString()!.ShouldContain("90.00");
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, 10.001m, null), (revenue, null, 10.001m))))
            .ShouldBeProblem(400, "validation-failed");
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, 10m, 10m), (revenue, null, 10m))))
            .ShouldBeProblem(400, "validation-failed");
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, -5m, null), (revenue, null, -5m))))
            .ShouldBeProblem(400, "validation-failed");
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, 5m, null))))
            .ShouldBeProblem(400, "validation-failed");
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, 5m, null), (Guid.NewGuid(), null, 5m))))
            .ShouldBeProblem(400, "validation-failed");
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", "ZZ", (cash, 5m, null), (revenue, null, 5m))))
            .ShouldBeProblem(400, "validation-failed");
        await (await clerk.PostJson("/api/journal-entries", LedgerApi.Entry("2025-03-01", (cash, 5m, null), (revenue, null, 5m))))
            .ShouldBeProblem(403, "forbidden");

        var posted = await accountant.Post(LedgerApi.Entry("2025-03-01", (cash, 12.34m, null), (revenue, null, 12.34m)));
        posted.Status.ShouldBe(JournalEntryStatus.Posted);
        posted.Number.ShouldNotBeNull().ShouldStartWith("OD-2025-");
        (await accountant.Account(cash)).Balance.ShouldBe(12.34m);
        (await accountant.Account(revenue)).Balance.ShouldBe(12.34m);
        // Money stays decimal in the JSON: no binary floating point noise.
        var raw = await (await accountant.GetAsync($"/api/journal-entries/{posted.Id}")).ShouldBeJson(200);
        raw.GetProperty("total").GetRawText().ShouldBe("12.34");
        await (await accountant.GetAsync($"/api/journal-entries/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task A_frozen_or_closed_account_takes_no_posting_and_only_a_zero_balance_closes()
    {
        var (cash, revenue) = await TwoAccounts();
        await accountant.Post(LedgerApi.Entry("2025-04-01", (cash, 50m, null), (revenue, null, 50m)));
        await (await accountant.PostRaw($"/api/accounts/{cash}/freeze", "{}")).ShouldBe<CommandResponseBody>(200);
        (await accountant.Account(cash)).Status.ShouldBe(AccountStatus.Frozen);
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-04-02", (cash, 5m, null), (revenue, null, 5m))))
            .ShouldBeProblem(409, "account-not-open");
        await (await accountant.PostRaw($"/api/accounts/{cash}/freeze", "{}")).ShouldBeProblem(409, "account-not-open");
        await (await accountant.PostRaw($"/api/accounts/{cash}/unfreeze", "{}")).ShouldBe<CommandResponseBody>(200);
        await (await accountant.PostRaw($"/api/accounts/{cash}/unfreeze", "{}")).ShouldBeProblem(409, "account-not-frozen");
        await (await accountant.PostRaw($"/api/accounts/{cash}/close", "{}")).ShouldBeProblem(409, "account-balance-not-zero");
        await accountant.Post(LedgerApi.Entry("2025-04-03", (revenue, 50m, null), (cash, null, 50m)));
        var closed = await (await accountant.PostRaw($"/api/accounts/{cash}/close", "{}")).ShouldBe<CommandResponseBody>(200);
        closed.Version.ShouldBe(4);   // opened, frozen, unfrozen, closed: the postings did not move its version
        await (await accountant.PostJson("/api/journal-entries", LedgerApi.Entry("2025-04-04", (cash, 5m, null), (revenue, null, 5m))))
            .ShouldBeProblem(409, "account-not-open");
        await (await accountant.PostRaw($"/api/accounts/{Guid.NewGuid()}/close", "{}")).ShouldBeProblem(404, "not-found");
        var history = await (await accountant.GetAsync($"/api/accounts/{cash}/history")).ShouldBeJson(200);
        history.GetProperty("items").GetArrayLength().ShouldBe(4);
        var listed = await (await accountant.GetAsync("/api/accounts?type=Revenue&pageSize=200")).ShouldBeJson(200);
        listed.GetProperty("items").EnumerateArray().ShouldContain(a => a.GetProperty("id").GetGuid() == revenue);
        await (await accountant.GetAsync("/api/accounts?type=Nope")).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task Entries_above_the_threshold_wait_for_a_manager_who_is_not_their_poster()
    {
        var admin = api.As("demo-admin");
        var (cash, revenue) = await TwoAccounts();
        var waiting = await (await admin.PostJson("/api/journal-entries", LedgerApi.Entry("2025-05-02", (cash, 10_000.01m, null), (revenue, null, 10_000.01m))))
            .ShouldBe<PostJournalEntryEndpoint.Response>(202);
        waiting.Status.ShouldBe(JournalEntryStatus.AwaitingApproval);
        waiting.Number.ShouldBeNull();
        await (await accountant.PostJson($"/api/journal-entries/{waiting.Id}/reverse", new { date = "2025-05-03" })).ShouldBeProblem(409, "entry-not-posted");
        await (await admin.PostRaw($"/api/journal-entries/{waiting.Id}/approve", "{}")).ShouldBeProblem(403, "segregation-of-duties");
        await (await api.As("demo-manager").PostRaw($"/api/journal-entries/{waiting.Id}/approve", "{}")).ShouldBe<CommandResponseBody>(200);
        await (await api.As("demo-manager").PostRaw($"/api/journal-entries/{waiting.Id}/approve", "{}")).ShouldBeProblem(409, "entry-not-awaiting-approval");
        (await accountant.Account(cash)).Balance.ShouldBe(10_000.01m);
        // Exactly at the threshold it posts at once.
        (await accountant.Post(LedgerApi.Entry("2025-05-02", (cash, 10_000m, null), (revenue, null, 10_000m)))).Status.ShouldBe(JournalEntryStatus.Posted);
    }

    [Fact]
    public async Task A_tenant_adds_its_own_journal_and_settings_are_checked()
    {
        var code = "J" + Random.Shared.Next(10_000_000, 99_999_999);
        await (await accountant.PostJson("/api/ledger/journals", new { code, name = "Caisse" })).ShouldBe<CommandResponseBody>(200);
        await (await accountant.PostJson("/api/ledger/journals", new { code, name = "Again" })).ShouldBeProblem(409, "duplicate-journal-code");
        await (await accountant.PostJson("/api/ledger/journals", new { code = "lower", name = "x" })).ShouldBeProblem(400, "validation-failed");
        var journals = await (await accountant.GetAsync("/api/ledger/journals")).ShouldBe<LedgerReadsEndpoints.JournalsView>(200);
        journals.Items.Select(j => j.Code).ShouldContain(code);
        journals.Items.Select(j => j.Code).ShouldContain("VE");
        var (cash, revenue) = await TwoAccounts();
        (await accountant.Post(LedgerApi.Entry("2025-06-01", code, (cash, 1m, null), (revenue, null, 1m)))).Number.ShouldBe($"{code}-2025-000001");

        var settings = await (await accountant.GetAsync("/api/ledger/settings")).ShouldBe<LedgerReadsEndpoints.SettingsView>(200);
        await (await accountant.PutAsync("/api/ledger/settings", JsonBody(new { siren = "12345", fiscalYearEnd = "12-31", approvalThreshold = 10000 })))
            .ShouldBeProblem(400, "validation-failed");
        await (await accountant.PutAsync("/api/ledger/settings", JsonBody(new { siren = (string?)null, fiscalYearEnd = "13-01", approvalThreshold = 10000 })))
            .ShouldBeProblem(400, "validation-failed");
        await (await clerk.PutAsync("/api/ledger/settings", JsonBody(new { siren = (string?)null, fiscalYearEnd = "12-31", approvalThreshold = 10000 })))
            .ShouldBeProblem(403, "forbidden");
        settings.FiscalYearEnd.ShouldBe("12-31");
    }

    [Fact]
    public async Task OpenApi_documents_money_as_decimal_and_every_ledger_route()
    {
        var doc = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeJson(200);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("AccountView").GetProperty("properties").GetProperty("balance")
            .GetProperty("format").GetString().ShouldBe("decimal");
        schemas.GetProperty("PostJournalEntryLine").GetProperty("properties").GetProperty("debit")
            .GetProperty("format").GetString().ShouldBe("decimal");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/accounts", "/api/accounts/{id}", "/api/accounts/{id}/freeze", "/api/accounts/{id}/unfreeze",
                     "/api/accounts/{id}/close", "/api/journal-entries", "/api/journal-entries/{id}", "/api/journal-entries/{id}/approve",
                     "/api/journal-entries/{id}/reverse", "/api/ledger/periods/close", "/api/ledger/trial-balance", "/api/ledger/journals",
                     "/api/ledger/settings", "/api/ledger/fec", "/api/dashboards/ledger" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        var post = paths.GetProperty("/api/journal-entries").GetProperty("post").GetProperty("responses");
        post.TryGetProperty("201", out _).ShouldBeTrue();
        post.TryGetProperty("202", out _).ShouldBeTrue();
        post.TryGetProperty("409", out _).ShouldBeTrue();
    }

    private static StringContent JsonBody(object body)
        => new(JsonSerializer.Serialize(body, HttpAssertions.Json), System.Text.Encoding.UTF8, "application/json");
}
