using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace BackOffice.Reliability.Tests;

/// <summary>
/// Webhook deliveries are at least once and in order per subscription (ADR 19): killing the API (SIGKILL) while a
/// delivery is in flight loses nothing and reorders nothing; the interrupted item is delivered again with the same
/// delivery id.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public class WebhookRestartTests(ApiProcess host)
{
    private sealed record Received(string Delivery, long Sequence, Guid StreamId, long Version);

    [Fact]
    public async Task Killing_the_api_mid_delivery_neither_loses_nor_reorders_a_delivery_and_a_repeat_keeps_its_delivery_id()
    {
        var received = new ConcurrentQueue<Received>();
        var fifthArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string url;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
        }
        using var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        var count = 0;
        var loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                try
                {
                    var item = await JsonDocument.ParseAsync(context.Request.InputStream);
                    var root = item.RootElement;
                    received.Enqueue(new Received(context.Request.Headers["X-BackOffice-Delivery"]!, root.GetProperty("sequence").GetInt64(),
                        root.GetProperty("streamId").GetGuid(), root.GetProperty("version").GetInt64()));
                    if (Interlocked.Increment(ref count) == 5)
                    {
                        fifthArrived.TrySetResult();
                        await Task.Delay(3000);   // the API is killed while it waits for this answer
                    }
                    else await Task.Delay(20);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
            }
        });

        using var integrator = host.Client("demo-integrator");
        var registration = await integrator.PostAsJsonAsync("/api/webhooks",
            new { url, eventTypes = new[] { "supply_item_registered_v1", "stock_received_v2" }, secret = "reliability-secret-0123456789" });
        registration.StatusCode.ShouldBe(HttpStatusCode.Created, await registration.Content.ReadAsStringAsync());
        using var clerk = host.Client();
        var id = await ApiProcess.RegisterItem(clerk);
        const int receipts = 20;
        for (var i = 0; i < receipts; i++) (await clerk.PostAsJsonAsync($"/api/supply-items/{id}/receipts", new { quantity = 1 })).EnsureSuccessStatusCode();

        await fifthArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        host.KillApi();
        await host.StartApi();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.Where(r => r.StreamId == id).Select(r => r.Version).Distinct().Count() < receipts + 1 && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        listener.Stop();
        await loop;

        var mine = received.Where(r => r.StreamId == id).ToList();
        mine.Select(r => r.Version).Distinct().Order().ShouldBe(Enumerable.Range(1, receipts + 1).Select(v => (long)v));   // nothing lost
        mine.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending);   // nothing reordered: a repeat only repeats the latest
        foreach (var group in mine.GroupBy(r => r.Sequence)) group.Select(r => r.Delivery).Distinct().ShouldHaveSingleItem();   // a repeat keeps its id
        mine.Select(r => r.Delivery).Distinct().Count().ShouldBe(receipts + 1);
        mine.Count.ShouldBeGreaterThan(receipts + 1, "the delivery interrupted by the kill was repeated");
    }
}
