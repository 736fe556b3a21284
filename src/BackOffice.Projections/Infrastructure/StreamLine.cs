using JasperFx.Events;
using Marten.Events.Aggregation;

namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// A document per stream of one context, built from that context's events only (<typeparamref name="TEvent"/>, the
/// context's marker interface). Without the allow-list Marten would hand the projection every event type: an inline
/// projection would load its document for every stream a session appends to, an async one would make documents for
/// other contexts' streams.
/// </summary>
/// <typeparam name="TDoc">The document.</typeparam>
/// <typeparam name="TEvent">The marker interface of the events that build it.</typeparam>
public abstract class StreamLine<TDoc, TEvent> : SingleStreamProjection<TDoc, Guid> where TDoc : class
{
    /// <summary>Takes only <typeparamref name="TEvent"/>'s events; <paramref name="name"/> names the projection when given.</summary>
    protected StreamLine(string? name = null)
    {
        if (name is not null) Name = name;
        foreach (var type in EventTypes.Of<TEvent>()) IncludeType(type);
    }

    /// <inheritdoc />
    public sealed override TDoc? Evolve(TDoc? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Apply(snapshot, id, e);
    }

    /// <summary>The document after <paramref name="e"/> (null: no document for this stream).</summary>
    protected abstract TDoc? Apply(TDoc? snapshot, Guid id, IEvent e);
}
