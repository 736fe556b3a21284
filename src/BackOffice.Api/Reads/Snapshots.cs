using Marten;

namespace BackOffice.Api.Reads;

/// <summary>Loads one aggregate's inline snapshot with its stream version, or its state as of an instant.</summary>
public static class Snapshots
{
    /// <summary>
    /// The current snapshot of <paramref name="id"/> (or, with <paramref name="asOf"/>, the state folded with
    /// <paramref name="evolve"/> up to that instant) and its version; null when unknown in the session's tenant.
    /// </summary>
    public static async Task<AggregateHistory.Versioned<T>?> LoadAsync<T>(
        IQuerySession session, Guid id, DateTimeOffset? asOf, Func<T?, object, T?> evolve, CancellationToken cancellation) where T : class
    {
        ArgumentNullException.ThrowIfNull(session);
        if (asOf is { } at) return await AggregateHistory.AsOf(session, id, at, evolve, cancellation).ConfigureAwait(false);
        var batch = session.CreateBatchQuery();
        var doc = batch.Load<T>(id);
        var state = batch.Events.FetchStreamState(id);
        await batch.Execute(cancellation).ConfigureAwait(false);
        return await doc.ConfigureAwait(false) is { } found && await state.ConfigureAwait(false) is { } stream
            ? new AggregateHistory.Versioned<T>(found, stream.Version)
            : null;
    }

    /// <summary>The 404 answer for an unknown id (or one that did not exist yet at <paramref name="asOf"/>).</summary>
    public static IResult NotFound(string what, Guid id, DateTimeOffset? asOf)
        => Problem.Result(Domain.Common.ErrorCodes.NotFound,
            asOf is null ? $"{what} {id} was not found." : $"{what} {id} did not exist at {asOf:O}.");
}
