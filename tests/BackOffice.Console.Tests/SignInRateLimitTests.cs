using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace BackOffice.Console.Tests;

/// <summary>Sign-in attempts are limited per client address: the next one is answered 429 with Retry-After and a page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class SignInRateLimitTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_is_refused_with_retry_after_and_a_readable_page()
    {
        // A host of its own (in-memory, same database) whose limit is 3 attempts a minute; its daemon stays off.
        using var limited = console.WithWebHostBuilder(b =>
        {
            b.UseSetting("BackOffice:Console:SignInPermitLimit", "3");
            b.UseSetting("BackOffice:Console:SignInWindowSeconds", "60");
            b.UseSetting("BackOffice:Daemon", "Disabled");
            b.UseSetting("BackOffice:Wolverine:DurabilityAgent", "false");
            b.UseSetting("BackOffice:Webhooks:Dispatch", "false");
        });
        var client = limited.CreateClient(new() { AllowAutoRedirect = false });   // keeps the antiforgery cookie

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await client.PostAsync("/console/sign-in", await Form(client, "wrong-key-" + attempt));
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {attempt}");
        }

        // Even the right key is not tried once the address used its attempts.
        var limitedAnswer = await client.PostAsync("/console/sign-in", await Form(client, "demo-auditor"));
        limitedAnswer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limitedAnswer.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        limitedAnswer.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var session = limitedAnswer.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("backoffice.console=", StringComparison.Ordinal));
        session.ShouldBeFalse();
        var html = await limitedAnswer.Content.ReadAsStringAsync();
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain($"Too many sign-in attempts from your address. Try again in {retryAfter} seconds.");

        // Other console pages are not limited by it.
        (await client.GetAsync("/console/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The sign-in form as the page gives it: its antiforgery token (the cookie stays in the client), a credential.</summary>
    private static async Task<FormUrlEncodedContent> Form(HttpClient client, string credential)
    {
        var page = await client.GetStringAsync("/console/sign-in");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = WebUtility.HtmlDecode(token), ["returnUrl"] = "/console", ["credential"] = credential,
        });
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
