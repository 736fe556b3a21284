using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace BackOffice.Api.Workflows;

/// <summary>
/// How a command starts a workflow (ADR 9): the messages it publishes or schedules are stored in Wolverine's
/// transactional outbox on the command's own PostgreSQL transaction, so they commit or roll back with its events, and
/// are released to their durable queue only once that transaction has committed. Public Wolverine API only: a
/// <see cref="MessageContext"/> enlisted in a <see cref="DatabaseEnvelopeTransaction"/> over our transaction, flushed
/// after our commit. Should the process die between commit and flush, Wolverine's durability agent recovers the stored
/// envelopes. Messages carry ids, never personal data; each gets the request's tenant and correlation id.
/// </summary>
/// <example><code>
/// executor.Execute&lt;Device&gt;(id, d => d.Replace(...), Responses.Ok,
///     (session, result) => outbox.PublishAsync(new IssueConsumable(...)));
/// </code></example>
public sealed class CommandOutbox(IWolverineRuntime runtime, CommandExecutor executor, RequestContext request)
{
    private MessageContext? bus;
    private object? enlistedIn;

    /// <summary>Stores <paramref name="message"/> in the command's transaction, for delivery after it commits.</summary>
    public async Task PublishAsync(object message)
    {
        var context = await EnlistedAsync().ConfigureAwait(false);
        await context.PublishAsync(message).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores <paramref name="message"/> in the command's transaction for delivery at <paramref name="at"/>: a durable
    /// scheduled message, kept in PostgreSQL, that fires once its time has come even if the API was down meanwhile.
    /// </summary>
    public async Task ScheduleAsync(object message, DateTimeOffset at)
    {
        var context = await EnlistedAsync().ConfigureAwait(false);
        await context.ScheduleAsync(message, at).ConfigureAwait(false);
    }

    /// <summary>
    /// The id of the pending event <paramref name="data"/> of the command's session: what a workflow message names as
    /// the causation of the events it leads to. <c>null</c> when the event is not pending in that session.
    /// </summary>
    public static string? CausationOf(Marten.IDocumentSession session, object data)
    {
        ArgumentNullException.ThrowIfNull(session);
        var pending = session.PendingChanges.Streams().SelectMany(s => s.Events).FirstOrDefault(e => ReferenceEquals(e.Data, data));
        return pending is { Id: var id } && id != Guid.Empty ? id.ToString() : null;
    }

    /// <summary>
    /// A session for a workflow handler: in the message's tenant, keeping the request's correlation id, naming the
    /// triggering event as causation and <paramref name="actor"/> (<c>workflow:…</c>) as the user of its events.
    /// </summary>
    public static Marten.IDocumentSession HandlerSession(Marten.IDocumentStore store, string tenantId, string correlationId, string causationId, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        var session = store.LightweightSession(tenantId);
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
        session.LastModifiedBy = actor;
        return session;
    }

    private async Task<MessageContext> EnlistedAsync()
    {
        var transaction = executor.Transaction ?? throw new InvalidOperationException("CommandOutbox publishes from inside a command.");
        if (bus is not null && ReferenceEquals(enlistedIn, transaction)) return bus;
        var context = new MessageContext(runtime) { CorrelationId = request.CorrelationId, TenantId = request.Tenant };
        if (!context.TryFindMessageDatabase(out var database) || database is null)
            throw new InvalidOperationException("Wolverine has no PostgreSQL message store (IntegrateWithWolverine).");
        await context.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction(database, transaction)).ConfigureAwait(false);
        (bus, enlistedIn) = (context, transaction);
        executor.AfterCommit(_ => context.FlushOutgoingMessagesAsync());
        return context;
    }
}
