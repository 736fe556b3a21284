using JasperFx.Events;

namespace BackOffice.Projections.Infrastructure;

/// <summary>
/// An aggregate's snapshot kept by Marten with the domain's own evolve function. It takes only the events of its
/// context (<typeparamref name="TEvent"/>, the context's marker interface): without that allow-list Marten would load
/// this snapshot for every stream a session appends to — one round trip per snapshot type on every command.
/// </summary>
/// <typeparam name="TState">The domain's immutable state type.</typeparam>
/// <typeparam name="TEvent">The marker interface of the events that build it.</typeparam>
public abstract class Snapshot<TState, TEvent> : StreamLine<TState, TEvent> where TState : class
{
    private readonly Func<TState?, object, TState?> evolve;

    /// <summary>Creates the projection over the domain's <paramref name="evolve"/> function.</summary>
    protected Snapshot(Func<TState?, object, TState?> evolve) => this.evolve = evolve;

    /// <inheritdoc />
    protected sealed override TState? Apply(TState? snapshot, Guid id, IEvent e) => evolve(snapshot, e.Data);
}
