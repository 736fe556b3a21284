using System.Net.Http.Json;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Console.Tests;

/// <summary>
/// The API on a real Kestrel port of 127.0.0.1 (in-process, against the test PostgreSQL of BACKOFFICE_TEST_CONNECTION,
/// schema <c>console_tests</c>) and Debian's Chromium, headless, driven by Playwright.
/// </summary>
public sealed class ConsoleFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (<c>apt-get install chromium</c>; scripts/test.sh does when missing).</summary>
    public const string Chromium = "/usr/bin/chromium";
    public const string Schema = "console_tests";
    public const string TamperKey = "console-tamper-admin";
    public const string TamperTenant = "console-tamper";

    private IPlaywright? playwright;

    public static string Connection =>
        Environment.GetEnvironmentVariable("BACKOFFICE_TEST_CONNECTION")
        ?? throw new InvalidOperationException("Set BACKOFFICE_TEST_CONNECTION (scripts/test.sh does) to a PostgreSQL connection string.");

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The console's base address (http://127.0.0.1:port).</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Where screenshots go: the test results folder (.local/test-results/console), found from the test binaries.</summary>
    public static string Screenshots { get; } = FindScreenshots();

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("BACKOFFICE_CONNECTION", Connection);
        builder.UseSetting("BackOffice:Schema", Schema);
        builder.UseSetting("BackOffice:Daemon", "Solo");
        builder.UseSetting("BackOffice:RateLimit:PermitLimit", "1000000");
        // The tests sign in many times from 127.0.0.1 (SignInRateLimitTests checks the limit with one of its own).
        builder.UseSetting("BackOffice:Console:SignInPermitLimit", "1000000");
        builder.UseSetting("BackOffice:Audit:HmacKey", "test-audit-hmac-key-for-console-tests-0123456789");
        builder.UseSetting("BackOffice:Audit:CheckpointEvery", "1");
        // A tenant of its own for the test that tampers with stored events (its chain stays broken).
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:Key", TamperKey);
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:User", TamperKey);
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:Tenant", TamperTenant);
        builder.UseSetting("BackOffice:ApiKeys:Keys:50:Roles:0", "admin");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: apt-get install -y chromium (scripts/test.sh installs it).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await DisposeAsync();
    }

    /// <summary>An API client sending <c>X-Api-Key: key</c> to the real port.</summary>
    public HttpClient Api(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A plain client of the real port, not following redirects.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>A new browser page (its own cookies) in <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPage(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // CI runs the test assemblies side by side on two cores: a page that loads in 0.2 s alone once took over 30 s
        // (Playwright's default) to fire its load event there. A slow page still fails, after 90 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Waits until the async projections (the audit trail, the dashboards) caught up.</summary>
    public Task Settled() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    private static string FindScreenshots()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BackOffice.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? AppContext.BaseDirectory;
        var path = Path.Combine(root, ".local", "test-results", "console");
        Directory.CreateDirectory(path);
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

/// <summary>API calls the tests make to have something to look at.</summary>
public static class ApiCalls
{
    public sealed record Created(Guid Id, long Version);

    public static async Task<T> Read<T>(this Task<HttpResponseMessage> call, int status) where T : class
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        return (await response.Content.ReadFromJsonAsync<T>()).ShouldNotBeNull();
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body, string? reason = null, string? correlation = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (reason is not null) request.Headers.Add("X-Reason", reason);
        if (correlation is not null) request.Headers.Add("X-Correlation-Id", correlation);
        return client.SendAsync(request);
    }

    /// <summary>A supply item that received 10 and then issued 3; the instant between the two.</summary>
    public static async Task<(Guid Id, DateTimeOffset Between, string Correlation)> ItemReceivedThenIssued(this HttpClient client)
    {
        var correlation = "console-" + Guid.NewGuid().ToString("N");
        var id = (await client.Post("/api/supply-items", new
        {
            sku = "SKU-" + Guid.NewGuid().ToString("N")[..12], name = "A4 paper", unit = "ream", category = "paper", location = "B1",
            reorderPoint = 1, reorderQuantity = 20,
        }).Read<Created>(201)).Id;
        await client.Post($"/api/supply-items/{id}/receipts", new { quantity = 10 }, "delivery note 4711", correlation).Read<Created>(200);
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await client.Post($"/api/supply-items/{id}/issues", new { quantity = 3 }).Read<Created>(200);
        return (id, between, correlation);
    }
}
