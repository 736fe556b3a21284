using JasperFx.Events;
using Marten;

namespace BackOffice.Api.Reads;

/// <summary>
/// "As of" and history for any event-sourced aggregate: the state at a past instant is the domain's own evolve
/// function folded over the stream's events up to that instant, and the history is the stream's events with their
/// audit metadata, oldest first. Streams of another tenant are not found (the session is tenant-scoped).
/// </summary>
public static class AggregateHistory
{
    /// <summary>A state at an instant with the version of the last event at that instant.</summary>
    /// <typeparam name="T">Aggregate type.</typeparam>
    /// <param name="State">The state.</param>
    /// <param name="Version">The stream version of the last event at or before the instant.</param>
    public sealed record Versioned<T>(T State, long Version);

    /// <summary>One stored event as the history shows it.</summary>
    /// <param name="Sequence">Global sequence number.</param>
    /// <param name="Version">Version in the stream.</param>
    /// <param name="Type">Stored event type name (<c>stock_received_v2</c>).</param>
    /// <param name="Timestamp">When it was stored.</param>
    /// <param name="User">Acting user.</param>
    /// <param name="CorrelationId">Correlation id of the request or workflow.</param>
    /// <param name="CausationId">The command or event that caused it.</param>
    /// <param name="Reason">Audit reason (<c>X-Reason</c>), when given.</param>
    /// <param name="Data">The event's payload.</param>
    public sealed record Entry(
        long Sequence, long Version, string Type, DateTimeOffset Timestamp, string? User, string? CorrelationId, string? CausationId,
        string? Reason, object Data);

    /// <summary>The history of one stream: <c>{ items: [...] }</c>, oldest first.</summary>
    /// <param name="Items">The events.</param>
    public sealed record History(IReadOnlyList<Entry> Items);

    /// <summary>
    /// The state of stream <paramref name="id"/> at <paramref name="at"/>, folded with <paramref name="evolve"/>;
    /// <c>null</c> when the stream did not exist yet (or does not exist in the session's tenant).
    /// </summary>
    public static async Task<Versioned<T>?> AsOf<T>(IQuerySession session, Guid id, DateTimeOffset at, Func<T?, object, T?> evolve, CancellationToken cancellation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(evolve);
        var events = await session.Events.FetchStreamAsync(id, timestamp: at, token: cancellation).ConfigureAwait(false);
        if (events.Count == 0) return null;
        var state = events.Aggregate((T?)null, (s, e) => evolve(s, e.Data));
        return state is null ? null : new Versioned<T>(state, events[^1].Version);
    }

    /// <summary>The history of stream <paramref name="id"/>, or <c>null</c> when it does not exist in the session's tenant.</summary>
    public static async Task<History?> Of(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = await session.Events.FetchStreamAsync(id, token: cancellation).ConfigureAwait(false);
        return events.Count == 0 ? null : new History(events.Select(ToEntry).ToList());
    }

    private static Entry ToEntry(IEvent e) => new(
        e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId,
        e.GetHeader("reason")?.ToString(), e.Data);

    /// <summary>
    /// Maps <c>GET {route}</c> (the route has an <c>{id:guid}</c> segment) to the history of that stream, open to
    /// <paramref name="policy"/>; 404 when the stream is unknown.
    /// </summary>
    public static RouteHandlerBuilder MapHistory(this IEndpointRouteBuilder app, string route, string what, string policy) =>
        app.MapGet(route, async (Guid id, IDocumentStore store, RequestContext request, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                return await Of(session, id, http.RequestAborted).ConfigureAwait(false) is { } history
                    ? Results.Ok(history)
                    : Problem.Result(Domain.Common.ErrorCodes.NotFound, $"{what} {id} was not found.");
            })
            .RequireAuthorization(policy)
            .Produces<History>()
            .ProducesReadProblems();
}
