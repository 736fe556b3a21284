using BackOffice.Api.Workflows;
using BackOffice.Domain.HelpDesk;
using Marten;
using Wolverine;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// The durable scheduled message that checks a service-level deadline when it falls due (ADR 16). It carries ids only.
/// </summary>
/// <param name="TenantId">The request's tenant.</param>
/// <param name="SupportRequestId">The request.</param>
/// <param name="Kind">Which deadline.</param>
/// <param name="CorrelationId">Correlation id of the command that scheduled it (kept by the breach event).</param>
/// <param name="CausationId">Id of the event that started (or restarted) the clock (the breach event's causation).</param>
public sealed record CheckServiceLevel(string TenantId, Guid SupportRequestId, ServiceLevelKind Kind, string CorrelationId, string CausationId);

/// <summary>The durable scheduled message that closes a resolved request when its reopen window ends. It carries ids only.</summary>
/// <param name="TenantId">The request's tenant.</param>
/// <param name="SupportRequestId">The request.</param>
/// <param name="CorrelationId">Correlation id of the resolving command.</param>
/// <param name="CausationId">Id of the <c>support_request_resolved_v1</c> event.</param>
public sealed record CloseResolvedSupportRequest(string TenantId, Guid SupportRequestId, string CorrelationId, string CausationId);

/// <summary>
/// Schedules the help desk's deadlines from a command's transaction: whenever a command makes a deadline reachable
/// (opening, the clock restarting after a wait or a reopening) or a resolution starts the reopen window, a durable
/// scheduled message is stored with the command's events (<see cref="CommandOutbox.ScheduleAsync"/>).
/// </summary>
public static class ServiceLevelWorkflow
{
    /// <summary>The user name on the breach events.</summary>
    public const string BreachActor = "workflow:service-levels";
    /// <summary>The user name on the automatic close events.</summary>
    public const string CloseActor = "workflow:auto-close";

    /// <summary>
    /// Compares the request before and after the command and schedules a check for every deadline whose next due time
    /// changed, and the automatic close when the command resolved the request.
    /// </summary>
    public static async Task ScheduleAsync(CommandOutbox outbox, IDocumentSession session, RequestContext request,
        SupportRequest? before, SupportRequest after, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Events.Count == 0) return;
        var cause = CommandOutbox.CausationOf(session, result.Events[^1]) ?? request.CommandId;
        foreach (var kind in Enum.GetValues<ServiceLevelKind>())
        {
            if (after.NextCheckAt(kind) is { } at && at != before?.NextCheckAt(kind))
                await outbox.ScheduleAsync(new CheckServiceLevel(request.Tenant, after.Id, kind, request.CorrelationId, cause), at).ConfigureAwait(false);
        }
        if (result.Find<SupportRequestResolved>() is { } resolved)
            await outbox.ScheduleAsync(new CloseResolvedSupportRequest(request.Tenant, after.Id, request.CorrelationId,
                CommandOutbox.CausationOf(session, resolved) ?? cause), resolved.ReopenableUntil).ConfigureAwait(false);
    }

}

/// <summary>
/// Wolverine handler of <see cref="CheckServiceLevel"/>: re-checks the request's state under its stream lock and
/// records <c>service_level_breached_v1</c> at most once per kind. A deadline that moved later (the clock stopped and
/// ran again) is checked again at its new time; one that was met or is stopped records nothing (a restart of the
/// clock schedules its own check).
/// </summary>
public static partial class CheckServiceLevelHandler
{
    /// <summary>Handles one delivery.</summary>
    public static async Task Handle(CheckServiceLevel message, IDocumentStore store, TimeProvider time, IMessageContext bus,
        ILogger<CheckServiceLevel> logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(bus);
        await using var session = CommandOutbox.HandlerSession(store, message.TenantId, message.CorrelationId, message.CausationId, ServiceLevelWorkflow.BreachActor);
        var stream = await session.Events.FetchForExclusiveWriting<SupportRequest>(message.SupportRequestId, cancellation).ConfigureAwait(false);
        if (stream.Aggregate is not { } request)
        {
            LogNoRequest(logger, message.SupportRequestId);
            return;
        }
        var now = time.GetUtcNow();
        var events = request.RecordBreach(message.Kind, now);
        if (events.Count > 0)
        {
            stream.AppendMany([.. events]);
            await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
            return;
        }
        if (request.NextCheckAt(message.Kind) is { } later && later > now)
            await bus.ScheduleAsync(message, later).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service-level check: support request {SupportRequestId} not found; nothing to do")]
    private static partial void LogNoRequest(ILogger logger, Guid supportRequestId);
}

/// <summary>
/// Wolverine handler of <see cref="CloseResolvedSupportRequest"/>: under the stream lock, closes the request when it is
/// still resolved and its reopen window has ended (at most once: a closed request records nothing); a reopened or
/// confirmed request records nothing.
/// </summary>
public static class CloseResolvedSupportRequestHandler
{
    /// <summary>Handles one delivery.</summary>
    public static async Task Handle(CloseResolvedSupportRequest message, IDocumentStore store, TimeProvider time, IMessageContext bus,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(bus);
        await using var session = CommandOutbox.HandlerSession(store, message.TenantId, message.CorrelationId, message.CausationId, ServiceLevelWorkflow.CloseActor);
        var stream = await session.Events.FetchForExclusiveWriting<SupportRequest>(message.SupportRequestId, cancellation).ConfigureAwait(false);
        if (stream.Aggregate is not { } request) return;
        var now = time.GetUtcNow();
        var events = request.CloseIfDue(now);
        if (events.Count > 0)
        {
            stream.AppendMany([.. events]);
            await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
        }
        else if (request is { Status: SupportRequestStatus.Resolved, ReopenableUntil: { } until } && until > now)
        {
            await bus.ScheduleAsync(message, until).ConfigureAwait(false);   // delivered early (clock skew): look again then
        }
    }
}
