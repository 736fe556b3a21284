namespace BackOffice.Api.Demo;

/// <summary>
/// The Development host's clock: the system's, except inside <see cref="At"/>, where the calling flow (and only it: the
/// instant is an <see cref="AsyncLocal{T}"/>) reads the simulated instant. The demo seeder runs each command of its
/// simulated months inside <see cref="At"/>, so the decisions (<c>DecisionContext.Now</c>) and the events' timestamps
/// (Marten's <c>Events.TimeProvider</c> is this clock) carry the simulated date; every other request reads the time.
/// Registered only in Development (ADR 23).
/// </summary>
/// <param name="inner">The real clock.</param>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Simulated = new();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Simulated.Value ?? inner.GetUtcNow();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>Until disposed, the current flow reads <paramref name="instant"/> as now.</summary>
    public static IDisposable At(DateTimeOffset instant)
    {
        var before = Simulated.Value;
        Simulated.Value = instant.ToUniversalTime();
        return new Restore(before);
    }

    private sealed class Restore(DateTimeOffset? before) : IDisposable
    {
        public void Dispose() => Simulated.Value = before;
    }
}
