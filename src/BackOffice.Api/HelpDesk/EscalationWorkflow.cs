using BackOffice.Api.Identity;
using BackOffice.Api.Workflows;
using BackOffice.Domain.Common;
using BackOffice.Domain.Equipment;
using BackOffice.Domain.HelpDesk;
using Marten;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// The message of the escalation workflow (ADR 17): a hardware support request was escalated, open its fault ticket on
/// the device. Ids only (it is stored in Wolverine's outbox and inbox tables).
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SupportRequestId">The request escalated.</param>
/// <param name="DeviceId">The device to open the ticket on.</param>
/// <param name="TicketId">The ticket's id (derived from the request's: <see cref="SupportRequest.EscalationTicketId"/>).</param>
/// <param name="CorrelationId">Correlation id of the escalating request (kept by the workflow's events).</param>
/// <param name="CausationId">Id of the <c>support_request_escalated_v1</c> event (the causation of the workflow's events).</param>
public sealed record OpenEscalatedFaultTicket(string TenantId, Guid SupportRequestId, Guid DeviceId, Guid TicketId, string CorrelationId, string CausationId);

/// <summary>
/// <c>POST /api/support-requests/{id}/escalate</c> (it): escalates a hardware request naming a device to a fault ticket
/// on that device. The request records the escalation and the ticket's id at once (200 with <c>ticketId</c>); the
/// ticket itself is opened on the device by the escalation workflow, right after the command commits.
/// </summary>
public static class EscalateSupportRequestEndpoint
{
    /// <summary>The answer, with the id of the fault ticket the workflow opens.</summary>
    /// <param name="Id">Support request id.</param>
    /// <param name="Version">Stream version.</param>
    /// <param name="TicketId">The fault ticket on the device (<c>/api/devices/{deviceId}</c> lists it once the workflow ran).</param>
    public sealed record Response(Guid Id, long Version, Guid TicketId) : CommandResponse(Id, Version);

    /// <summary>The user name recorded on the workflow's events.</summary>
    public const string Actor = "workflow:support-escalation";

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/support-requests/{id:guid}/escalate", (Guid id, CommandExecutor executor, CommandOutbox outbox, RequestContext request,
                TimeProvider time, HttpContext http) =>
                executor.Execute<SupportRequest>(id,
                    async (session, r) =>
                    {
                        var device = r.DeviceId is { } deviceId
                            ? await session.LoadAsync<Device>(deviceId, http.RequestAborted).ConfigureAwait(false)
                            : null;
                        return [.. r.Escalate(device, request.Decision(time))];
                    },
                    result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<SupportRequestEscalated>()!.TicketId)),
                    async (session, result) =>
                    {
                        if (result.Find<SupportRequestEscalated>() is not { } escalated) return;
                        var causationId = CommandOutbox.CausationOf(session, escalated) ?? request.CommandId;
                        await outbox.PublishAsync(new OpenEscalatedFaultTicket(request.Tenant, escalated.SupportRequestId, escalated.DeviceId,
                            escalated.TicketId, request.CorrelationId, causationId)).ConfigureAwait(false);
                    }))
            .AcceptsEmptyBody()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("EscalateSupportRequest")
            .WithSummary("Escalate a hardware support request to a fault ticket on its device (it)")
            .WithDescription("The request must be active, of category Hardware and name a device (else 409 support-request-not-escalatable), "
                + "not escalated already (409 support-request-already-escalated); the device must not be retired (409 device-retired). "
                + "The answer's ticketId is the fault ticket the escalation workflow opens on the device right after; the request shows it as "
                + "deviceTicketId and the ticket names the request (supportRequestId).")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

/// <summary>
/// Wolverine handler of <see cref="OpenEscalatedFaultTicket"/>, idempotent: it locks the device's stream and lets
/// <see cref="Device.OpenEscalatedTicket"/> open the ticket with the derived id — a redelivery finds it and appends
/// nothing. Should the device refuse (retired since the escalation), the refusal is recorded on the request, which drops
/// its link. Its events keep the escalating request's correlation id and name the escalation event as causation.
/// </summary>
public static partial class OpenEscalatedFaultTicketHandler
{
    /// <summary>Handles one delivery.</summary>
    public static async Task Handle(OpenEscalatedFaultTicket message, IDocumentStore store, TimeProvider time,
        ILogger<OpenEscalatedFaultTicket> logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        await using var session = CommandOutbox.HandlerSession(store, message.TenantId, message.CorrelationId, message.CausationId,
            EscalateSupportRequestEndpoint.Actor);
        var context = DecisionContext.For(EscalateSupportRequestEndpoint.Actor, time);
        var request = await session.LoadAsync<SupportRequest>(message.SupportRequestId, cancellation).ConfigureAwait(false);
        if (request is null)
        {
            LogUnknown(logger, message.SupportRequestId);
            return;
        }
        var deviceStream = await session.Events.FetchForExclusiveWriting<Device>(message.DeviceId, cancellation).ConfigureAwait(false);
        try
        {
            if (deviceStream.Aggregate is not { } device) throw DomainException.NotFound($"Device {message.DeviceId}");
            var events = device.OpenEscalatedTicket(
                new OpenEscalatedTicket(message.SupportRequestId, message.TicketId, request.Summary, request.EscalationSeverity), context);
            if (events.Count == 0) return;   // delivered before: the ticket is open already
            deviceStream.AppendMany([.. events]);
        }
        catch (DomainException refused)
        {
            LogRefused(logger, message.SupportRequestId, message.DeviceId, refused.Code, refused.Message);
            var requestStream = await session.Events.FetchForExclusiveWriting<SupportRequest>(message.SupportRequestId, cancellation).ConfigureAwait(false);
            var refusal = requestStream.Aggregate!.RecordEscalationRefused(message.TicketId, refused.Code, refused.Message, context);
            if (refusal.Count == 0) return;
            requestStream.AppendMany([.. refusal]);
        }
        await session.SaveChangesAsync(cancellation).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation workflow: no support request {SupportRequestId}; nothing to do")]
    private static partial void LogUnknown(ILogger logger, Guid supportRequestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation workflow: device {DeviceId} refused the ticket of request {SupportRequestId} ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid supportRequestId, Guid deviceId, string code, string reason);
}
