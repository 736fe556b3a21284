using JasperFx.Events;

namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// An event's timestamp as PostgreSQL stores it (microseconds). Inline projections see the in-memory timestamp
/// (100 ns ticks) while rebuilds and async projections read the stored one: read models use this so that both give
/// the same rows.
/// </summary>
public static class EventTime
{
    /// <summary>The event's timestamp truncated to whole microseconds.</summary>
    public static DateTimeOffset Of(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var t = e.Timestamp;
        return new DateTimeOffset(t.Ticks - (t.Ticks % 10), t.Offset);
    }
}
