namespace BackOffice.Api.Integration;

/// <summary>Webhook settings (<c>BackOffice:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BackOffice:Webhooks";

    /// <summary>Hosts a target may name (<c>hooks.example.com</c>, <c>*.example.com</c>); empty: no registration is accepted.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>A subscription whose blocked item has been failing this long is suspended (default 24 h).</summary>
    public TimeSpan SuspendAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a target has to answer (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before the second attempt of an item; doubled at each further attempt (default 10 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest delay between two attempts (default 1 h).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for items to deliver (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts kept in each subscription's delivery log (default 20).</summary>
    public int LogSize { get; set; } = 20;

    /// <summary>Subscriptions delivered to at the same time by one node (default 8).</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>Whether this node runs the delivery worker (default true; every node may: a subscription is delivered by one at a time).</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failures (≥ 1).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
