using System.Net.Http.Json;
using System.Text.Json;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// Help-desk deadlines are durable scheduled messages (ADR 16): one that falls due while the API is down (killed with
/// SIGKILL) fires once the API is back, exactly once.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public class ServiceLevelRestartTests(ApiProcess host)
{
    private static object Settings(string criticalFirstResponse, string reopenWindow) => new
    {
        critical = new { firstResponse = criticalFirstResponse, resolution = "P1D" },
        high = new { firstResponse = "PT4H", resolution = "P1D" },
        medium = new { firstResponse = "P1D", resolution = "P3D" },
        low = new { firstResponse = "P3D", resolution = "P10D" },
        reopenWindow,
    };

    private static async Task<Guid> Open(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/support-requests",
            new { category = "Network", priority = "Critical", summary = "VPN down", description = "No VPN since this morning" });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private Task<long> Count(Guid id, string type)
        => host.Scalar($"select count(*) from backoffice.mt_events where stream_id = '{id}' and type = '{type}'");

    private async Task<long> Eventually(Guid id, string type)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        long count;
        while ((count = await Count(id, type)) == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        return count;
    }

    [Fact]
    public async Task A_first_response_deadline_passing_while_the_api_is_down_is_recorded_once_after_it_restarts()
    {
        using var it = host.Client("demo-it");
        (await it.PutAsJsonAsync("/api/help-desk/settings", Settings("PT3S", "P7D"))).EnsureSuccessStatusCode();
        using var clerk = host.Client("demo-clerk");
        var id = await Open(clerk);

        host.KillApi();
        await Task.Delay(TimeSpan.FromSeconds(5));   // the deadline passes while nothing runs
        (await Count(id, "service_level_breached_v1")).ShouldBe(0);
        await host.StartApi();

        (await Eventually(id, "service_level_breached_v1")).ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(4));   // several polling cycles later: still exactly one
        (await Count(id, "service_level_breached_v1")).ShouldBe(1);
        (await host.Text($"select data->>'kind' from backoffice.mt_events where stream_id = '{id}' and type = 'service_level_breached_v1'"))
            .ShouldBe("FirstResponse");
        (await host.Text($"select user_name from backoffice.mt_events where stream_id = '{id}' and type = 'service_level_breached_v1'"))
            .ShouldBe("workflow:service-levels");
    }

    [Fact]
    public async Task A_reopen_window_ending_while_the_api_is_down_closes_the_request_once_after_it_restarts()
    {
        using var it = host.Client("demo-it");
        (await it.PutAsJsonAsync("/api/help-desk/settings", Settings("PT1H", "PT3S"))).EnsureSuccessStatusCode();
        using var clerk = host.Client("demo-clerk");
        var id = await Open(clerk);
        (await it.PostAsJsonAsync($"/api/support-requests/{id}/resolve", new { resolution = "Restarted the VPN gateway" })).EnsureSuccessStatusCode();

        host.KillApi();
        await Task.Delay(TimeSpan.FromSeconds(5));
        (await Count(id, "support_request_closed_v1")).ShouldBe(0);
        await host.StartApi();

        (await Eventually(id, "support_request_closed_v1")).ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await Count(id, "support_request_closed_v1")).ShouldBe(1);
        var request = JsonDocument.Parse(await clerk.GetStringAsync($"/api/support-requests/{id}")).RootElement;
        request.GetProperty("status").GetString().ShouldBe("Closed");
        var reopen = await clerk.PostAsJsonAsync($"/api/support-requests/{id}/reopen", new { reason = "down again" });
        ((int)reopen.StatusCode).ShouldBe(409);
        (await reopen.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"reopen-window-passed\"");
    }
}
