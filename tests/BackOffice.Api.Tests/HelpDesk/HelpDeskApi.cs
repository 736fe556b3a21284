using System.Net.Http.Headers;
using BackOffice.Api.Commands;
using BackOffice.Api.HelpDesk;
using BackOffice.Api.Tests.Http;

namespace BackOffice.Api.Tests.HelpDesk;

/// <summary>Help-desk requests shared by the help-desk tests.</summary>
public static class HelpDeskApi
{
    /// <summary>A client for a user of its own (a JWT), so that its personal data and requests are its own.</summary>
    public static HttpClient User(this ApiFixture api, string user, string tenant = "demo", params string[] roles)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create(sub: user, tenant: tenant, roles: roles.Length == 0 ? ["clerk"] : roles));
        return client;
    }

    public static string NewUser(string prefix = "hd-user") => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Guid> Open(this HttpClient client, string priority = "High", string category = "Hardware", string? description = null,
        Guid? deviceId = null)
    {
        var response = await client.PostJson("/api/support-requests", new
        {
            category, priority, summary = "Printer jams on floor 2", description = description ?? "Tray 2 jams on every second page.", deviceId,
        });
        var created = await response.ShouldBe<CommandResponse>(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/support-requests/{created.Id}");
        created.Version.ShouldBe(1);
        return created.Id;
    }

    public static async Task<GetSupportRequestEndpoint.SupportRequestView> Request(this HttpClient client, Guid id)
        => await (await client.GetAsync($"/api/support-requests/{id}")).ShouldBe<GetSupportRequestEndpoint.SupportRequestView>(200);

    public static async Task<CommandResponse> Command(this HttpClient client, Guid id, string action, object? body = null)
        => await (await client.PostJson($"/api/support-requests/{id}/{action}", body ?? new { })).ShouldBe<CommandResponse>(200);

    /// <summary>Polls the request until <paramref name="done"/> holds (a scheduled message's effect), at most 90 s (a loaded machine).</summary>
    public static async Task<GetSupportRequestEndpoint.SupportRequestView> Eventually(this HttpClient client, Guid id,
        Func<GetSupportRequestEndpoint.SupportRequestView, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var view = await client.Request(id);
            if (done(view)) return view;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Support request {id} never reached the expected state; last: {view}");
            await Task.Delay(200);
        }
    }

    /// <summary>Short service levels for a tenant of its own.</summary>
    public static object ShortSettings(string firstResponse = "PT2S", string resolution = "PT1H", string reopenWindow = "P7D") => new
    {
        critical = new { firstResponse, resolution },
        high = new { firstResponse, resolution },
        medium = new { firstResponse = "P1D", resolution = "P3D" },
        low = new { firstResponse = "P3D", resolution = "P10D" },
        reopenWindow,
    };
}
