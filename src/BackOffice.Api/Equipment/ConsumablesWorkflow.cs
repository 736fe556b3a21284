using BackOffice.Api.Workflows;
using BackOffice.Domain.Common;
using BackOffice.Domain.Equipment;
using BackOffice.Domain.Inventory;
using Marten;

namespace BackOffice.Api.Equipment;

/// <summary>
/// The message of the consumables workflow (ADR 14): a consumable was replaced on a device, issue its stock from
/// Inventory. It carries ids only (it is stored in Wolverine's outbox and inbox tables).
/// </summary>
/// <param name="TenantId">The tenant of the device.</param>
/// <param name="DeviceId">The device.</param>
/// <param name="ReplacementId">The replacement (the device knows its supply item and quantity).</param>
/// <param name="CorrelationId">Correlation id of the replacing request (kept by the workflow's events).</param>
/// <param name="CausationId">Id of the <c>consumable_replacement_requested_v1</c> event (the causation of the workflow's events).</param>
public sealed record IssueConsumableStock(string TenantId, Guid DeviceId, Guid ReplacementId, string CorrelationId, string CausationId);

/// <summary>Publishing of <see cref="IssueConsumableStock"/> from the replacing command.</summary>
public static class ConsumablesWorkflow
{
    /// <summary>The user name recorded on the workflow's events.</summary>
    public const string Actor = "workflow:consumables";

    /// <summary>
    /// When the command requested a replacement: stores the message in the command's transaction (it commits or rolls
    /// back with the <c>consumable_replacement_requested_v1</c> event) through the <see cref="CommandOutbox"/>, naming
    /// that event as the causation of the workflow's events.
    /// </summary>
    public static async Task PublishAsync(CommandOutbox outbox, IDocumentSession session, RequestContext request, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Find<ConsumableReplacementRequested>() is not { } requested) return;
        var causationId = CommandOutbox.CausationOf(session, requested) ?? request.CommandId;
        await outbox.PublishAsync(new IssueConsumableStock(request.Tenant, requested.DeviceId, requested.ReplacementId, request.CorrelationId, causationId))
            .ConfigureAwait(false);
    }
}

/// <summary>
/// Wolverine handler of <see cref="IssueConsumableStock"/>, idempotent: it locks the device's stream, then the supply
/// item's, and lets <see cref="ConsumableIssue.Decide"/> issue the stock with Inventory's own rule
/// (<see cref="SupplyItem.Issue"/>) and record the outcome on the device — issued, or refused with Inventory's code
/// (e.g. <c>insufficient-stock</c>) — in one transaction. A second delivery finds the replacement decided and appends
/// nothing. Its events keep the replacing request's correlation id and name the replacement event as causation.
/// </summary>
public static partial class IssueConsumableStockHandler
{
    /// <summary>Handles one delivery.</summary>
    public static async Task Handle(IssueConsumableStock message, IDocumentStore store, TimeProvider time,
        ILogger<IssueConsumableStock> logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        await using var session = CommandOutbox.HandlerSession(store, message.TenantId, message.CorrelationId, message.CausationId, ConsumablesWorkflow.Actor);

        // Lock order: device, then supply item (the only two streams locked together by this workflow).
        var deviceStream = await session.Events.FetchForExclusiveWriting<Device>(message.DeviceId, cancellation).ConfigureAwait(false);
        if (deviceStream.Aggregate is not { } device
            || device.Replacements.FirstOrDefault(r => r.ReplacementId == message.ReplacementId) is not { } replacement)
        {
            LogUnknown(logger, message.DeviceId, message.ReplacementId);
            return;
        }
        if (replacement.Status != ReplacementStatus.Requested) return;   // delivered before: decided already
        var itemExists = await session.Events.FetchStreamStateAsync(replacement.SupplyItemId, cancellation).ConfigureAwait(false) is not null;
        var itemStream = itemExists
            ? await session.Events.FetchForExclusiveWriting<SupplyItem>(replacement.SupplyItemId, cancellation).ConfigureAwait(false)
            : null;
        var decision = ConsumableIssue.Decide(device, replacement.ReplacementId, itemStream?.Aggregate, DecisionContext.For(ConsumablesWorkflow.Actor, time));
        if (decision.DeviceEvents.Count == 0) return;
        deviceStream.AppendMany([.. decision.DeviceEvents]);
        if (decision.SupplyItemEvents.Count > 0) itemStream!.AppendMany([.. decision.SupplyItemEvents]);
        if (decision.DeviceEvents.OfType<ConsumableReplacementRefused>().FirstOrDefault() is { } refused)
            LogRefused(logger, device.Id, replacement.ReplacementId, refused.Code, refused.Reason);
        await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumables workflow: device {DeviceId} has no replacement {ReplacementId}; nothing to do")]
    private static partial void LogUnknown(ILogger logger, Guid deviceId, Guid replacementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumables workflow: replacement {ReplacementId} on device {DeviceId} refused ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid deviceId, Guid replacementId, string code, string reason);
}
