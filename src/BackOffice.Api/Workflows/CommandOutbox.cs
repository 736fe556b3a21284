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
