using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Npgsql;

namespace BackOffice.Console.Tests;

/// <summary>The console in a real browser: sign-in, the trail, as-of, the chain, French, roles, dashboards, accessibility.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleTests(ConsoleFixture console)
{
    /// <summary>Signs in through the sign-in form; the page is then on <paramref name="path"/>.</summary>
    private async Task<IPage> SignedIn(string key, string path = "/console", string locale = "en-GB")
    {
        var page = await console.NewPage(locale);
        await page.GotoAsync(path);
        page.Url.ShouldContain("/console/sign-in");
        await page.GetByLabel(locale.StartsWith("fr") ? "Clé d’API ou jeton bearer" : "API key or bearer token").FillAsync(key);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(path.Split('?')[0]) + "($|\\?)"));
        return page;
    }

    /// <summary>Saves the page's screenshot with the test results and runs axe: no serious or critical violation.</summary>
    private static async Task Check(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleFixture.Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        bad.ShouldBeEmpty(string.Join("\n", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    [Fact]
    public async Task An_auditor_finds_the_event_just_made_in_the_trail_and_the_older_value_as_of_before_it()
    {
        var (id, between, correlation) = await console.Api("demo-admin").ItemReceivedThenIssued();
        await console.Settled();
        var page = await SignedIn("demo-auditor", "/console/audit");
        await Check(page, "audit-trail");

        await page.GetByLabel("Correlation id").FillAsync(correlation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var row = page.Locator("tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        var text = await row.InnerTextAsync();
        text.ShouldContain("stock_received_v2");
        text.ShouldContain("delivery note 4711");
        text.ShouldContain("demo-admin");
        (await page.Locator("a", new() { HasText = "CSV" }).GetAttributeAsync("href")).ShouldBe($"/console/audit/export?format=csv&correlationId={correlation}");
        await Check(page, "audit-trail-filtered");

        await row.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync($"**/console/entities/{id}");
        (await page.Locator("dd[data-field=onHand]").InnerTextAsync()).ShouldBe("7");
        await page.GetByLabel("As of (UTC)").FillAsync(DateTimeLocal(between.UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**asOf=*");
        (await page.Locator("dd[data-field=onHand]").InnerTextAsync()).ShouldBe("10");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Events since then");
        (await page.Locator("table").First.InnerTextAsync()).ShouldContain("stock_issued");
        await Check(page, "entity-as-of");
    }

    [Fact]
    public async Task The_chain_is_valid_and_a_row_tampered_with_in_sql_shows_the_break()
    {
        await using (var connection = new NpgsqlConnection(ConsoleFixture.Connection))
        {
            await connection.OpenAsync();
            foreach (var table in new[] { "bo_audit_chain", "bo_audit_checkpoint", "mt_events", "mt_streams", "mt_doc_supplyitem", "mt_doc_auditentry" })
            {
                await using var reset = new NpgsqlCommand($"delete from {ConsoleFixture.Schema}.{table} where tenant_id = '{ConsoleFixture.TamperTenant}'", connection);
                try { await reset.ExecuteNonQueryAsync(); }
                catch (PostgresException e) when (e.SqlState == "42P01") { }   // the table does not exist yet
            }
        }
        var (id, _, _) = await console.Api(ConsoleFixture.TamperKey).ItemReceivedThenIssued();
        await console.Settled();
        var page = await SignedIn(ConsoleFixture.TamperKey, "/console/audit/chain");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("The chain is valid.");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Last signed checkpoint");
        await Check(page, "chain-valid");

        await using (var connection = new NpgsqlConnection(ConsoleFixture.Connection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"update {ConsoleFixture.Schema}.mt_events set data = jsonb_set(data, '{{quantity}}', '100') " +
                "where stream_id = $1 and version = 2", connection);
            command.Parameters.AddWithValue(id);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await page.ReloadAsync();
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("The chain is broken.");
        main.ShouldContain("an event was changed after it was recorded.");
        await Check(page, "chain-broken");
    }

    [Fact]
    public async Task The_switch_turns_the_console_to_french_with_french_dates_and_accept_language_chooses_it()
    {
        var page = await SignedIn("demo-manager", "/console/dashboards/inventory");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang=fr]");
        page.Url.ShouldEndWith("/console/dashboards/inventory");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Stocks");
        (await page.Locator("main").InnerTextAsync()).ShouldMatch(@"\d{4} à \d\d:\d\d:\d\d UTC");
        await Check(page, "inventory-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");

        var french = await console.NewPage("fr-FR");
        await french.GotoAsync("/console");
        (await french.Locator("html").GetAttributeAsync("lang")).ShouldBe("fr");
        (await french.Locator("h1").InnerTextAsync()).ShouldBe("Connexion");
        await Check(french, "sign-in-fr");
    }

    [Fact]
    public async Task A_clerk_cannot_open_the_audit_pages()
    {
        var page = await SignedIn("demo-clerk");
        (await page.Locator("nav.menu").InnerTextAsync()).ShouldNotContain("Audit trail");
        foreach (var path in new[] { "/console/audit", "/console/audit/chain", "/console/entities", "/console/audit/export?format=csv" })
        {
            var response = await page.GotoAsync(path);
            response.ShouldNotBeNull().Status.ShouldBe(403, path);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Not allowed");
        }
        await Check(page, "forbidden");
        (await page.GotoAsync("/console/personal-data")).ShouldNotBeNull().Status.ShouldBe(403);
    }

    [Theory]
    [InlineData("inventory"), InlineData("recruiting"), InlineData("people"), InlineData("ledger"),
     InlineData("equipment"), InlineData("front-desk"), InlineData("help-desk")]
    public async Task Every_dashboard_draws_its_charts_in_svg(string dashboard)
    {
        await console.Api("demo-admin").ItemReceivedThenIssued();
        await console.Settled();
        var page = await SignedIn("demo-manager", "/console/dashboards/" + dashboard);
        (await page.Locator("figure.chart").CountAsync()).ShouldBeGreaterThan(0);
        if (dashboard == "inventory") (await page.Locator("svg.chart rect").CountAsync()).ShouldBeGreaterThan(0);
        await Check(page, "dashboard-" + dashboard);
    }

    [Fact]
    public async Task Hr_sees_a_persons_data_and_erases_it_after_confirming()
    {
        var hr = console.Api("demo-hr");
        var department = (await hr.Post("/api/departments", new { name = "Dept " + Guid.NewGuid().ToString("N")[..6] }).Read<ApiCalls.Created>(201)).Id;
        var hired = await hr.Post("/api/employees", new
        {
            name = "Camille Martin", email = "camille@example.org", position = "Clerk", departmentId = department, startDate = "2026-01-05",
        }).Read<Hired>(201);
        var page = await SignedIn("demo-hr", $"/console/personal-data?subjectId={hired.SubjectId}");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Camille Martin");
        await Check(page, "personal-data");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase this person's personal data…" }).ClickAsync();
        await page.WaitForURLAsync("**/erase");
        await Check(page, "erase-confirmation");
        await page.GetByLabel("Reason (kept in the audit trail; no personal data)").FillAsync("request of 2026-03-01");
        await page.GetByLabel(new Regex("I confirm")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();
        await page.WaitForURLAsync("**erased=true");
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("The personal data was erased.");
        main.ShouldNotContain("Camille Martin");
    }

    private sealed record Hired(Guid Id, long Version, Guid SubjectId);

    [Fact]
    public async Task Sessions_are_strict_cookies_pages_carry_a_strict_csp_and_the_console_is_not_in_the_openapi_document()
    {
        var client = console.Anonymous();
        var redirect = await client.GetAsync("/console/audit?user=x");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldBe("/console/sign-in?returnUrl=%2Fconsole%2Faudit%3Fuser%3Dx");

        var signIn = await client.GetAsync("/console/sign-in");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = signIn.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("style-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        var html = await signIn.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("style=");

        var page = await SignedIn("demo-auditor");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "backoffice.console");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Strict);
        cookie.Path.ShouldBe("/console");
        // The session cookie opens the console, never the API.
        var api = await page.Context.APIRequest.GetAsync("/api/audit/events");
        api.Status.ShouldBe(401);
        var export = await page.Context.APIRequest.GetAsync("/console/audit/export?format=ndjson&limit=1");
        export.Status.ShouldBe(200);
        // Signing out ends the session.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/console/sign-in");
        (await page.GotoAsync("/console/audit"))!.Url.ShouldContain("/console/sign-in");

        var swagger = await console.Anonymous().GetStringAsync("/swagger/v1/swagger.json");
        swagger.ShouldNotContain("/console");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_a_form_without_its_antiforgery_token_is_rejected()
    {
        var page = await console.NewPage();
        await page.GotoAsync("/console/sign-in");
        await page.GetByLabel("API key or bearer token").FillAsync("not-a-key");
        await page.Locator("main button[type=submit]").ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("not accepted");
        await Check(page, "sign-in-refused");

        var forged = await console.Anonymous().PostAsync("/console/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["credential"] = "demo-auditor" }));
        ((int)forged.StatusCode).ShouldBe(400);
        forged.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    /// <summary>
    /// A datetime-local value as Chromium serialises it (Playwright's fill checks the input kept the exact text): no
    /// trailing zeros in the fraction, no fraction when it is zero, no seconds when they and the fraction are zero.
    /// </summary>
    private static string DateTimeLocal(DateTime t)
    {
        var text = t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (t.Second == 0 && t.Millisecond == 0) return text;
        text += ":" + t.Second.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return t.Millisecond == 0 ? text : text + "." + t.Millisecond.ToString("000", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
