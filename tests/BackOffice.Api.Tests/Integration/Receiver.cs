using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Api.Tests.Integration;

/// <summary>A webhook receiver on 127.0.0.1: records every request and answers what <see cref="Answer"/> says.</summary>
public sealed class Receiver : IAsyncDisposable
{
    public sealed record Received(string? Event, string? Delivery, string? Signature, byte[] Body, string ContentType);

    private readonly HttpListener listener = new();
    private readonly Task loop;
    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>The status to answer the n-th request (from 1) with; 200 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;
    public string Url { get; }

    public Receiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
        }
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(Loop);
    }

    private async Task Loop()
    {
        var count = 0;
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Requests.Enqueue(new Received(context.Request.Headers["X-BackOffice-Event"], context.Request.Headers["X-BackOffice-Delivery"],
                context.Request.Headers["X-BackOffice-Signature"], body.ToArray(), context.Request.ContentType ?? ""));
            var status = Answer(Interlocked.Increment(ref count));
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400) context.Response.RedirectLocation = Url + "elsewhere";
            context.Response.Close();
        }
    }

    /// <summary>Waits (at most 30 s) until <paramref name="done"/> holds for the requests received.</summary>
    public async Task<IReadOnlyList<Received>> Until(Func<IReadOnlyList<Received>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var snapshot = Requests.ToArray();
            if (done(snapshot)) return snapshot;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The receiver got {snapshot.Length} requests, not what the test waits for.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
