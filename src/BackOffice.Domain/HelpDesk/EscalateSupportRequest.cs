using System.Security.Cryptography;
using BackOffice.Domain.Equipment;

namespace BackOffice.Domain.HelpDesk;

public sealed partial record SupportRequest
{
    /// <summary>
    /// The id of the fault ticket an escalation of request <paramref name="supportRequestId"/> opens: derived from the
    /// request's id (name-based), so that a redelivered workflow message finds the ticket it opened before.
    /// </summary>
    public static Guid EscalationTicketId(Guid supportRequestId)
    {
        var hash = SHA256.HashData([.. "backoffice-escalation:"u8, .. supportRequestId.ToByteArray()]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);   // version 5-like (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>The severity of the fault ticket an escalation opens: the request's priority, name for name.</summary>
    public FaultSeverity EscalationSeverity => Priority switch
    {
        SupportPriority.Critical => FaultSeverity.Critical,
        SupportPriority.High => FaultSeverity.High,
        SupportPriority.Medium => FaultSeverity.Medium,
        _ => FaultSeverity.Low,
    };

    /// <summary>
    /// Decides an escalation to a fault ticket on <paramref name="device"/> (the device the request names, as Equipment
    /// knows it; null when it names none or an unknown one). Refused when escalated already
    /// (<see cref="ErrorCodes.SupportRequestAlreadyEscalated"/>), when the request is not active, when it is not a
    /// <see cref="SupportCategory.Hardware"/> request naming a known device (<see cref="ErrorCodes.SupportRequestNotEscalatable"/>)
    /// and when the device is retired (<see cref="ErrorCodes.DeviceRetired"/>).
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> Escalate(Device? device, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (DeviceTicketId is { } ticket)
            throw new DomainException(ErrorCodes.SupportRequestAlreadyEscalated, $"This request was escalated to fault ticket {ticket} already.");
        RequireActive("escalated");
        if (Category != SupportCategory.Hardware)
            throw new DomainException(ErrorCodes.SupportRequestNotEscalatable, $"Only a Hardware request can be escalated to a fault ticket; this one is {Category}.");
        if (DeviceId is not { } deviceId || device is null || device.Id != deviceId)
            throw new DomainException(ErrorCodes.SupportRequestNotEscalatable, "The request names no known device: there is nothing to open a fault ticket on.");
        if (device.Retired)
            throw new DomainException(ErrorCodes.DeviceRetired, $"Device {device.AssetTag} is retired: it takes no fault ticket.");
        return [new SupportRequestEscalated(Id, deviceId, EscalationTicketId(Id), context.User, context.Now)];
    }

    /// <summary>
    /// Decides what the escalation workflow records when the device refused ticket <paramref name="ticketId"/> with
    /// <paramref name="code"/>: the link is dropped (nothing when the request is no longer linked to that ticket).
    /// </summary>
    public IReadOnlyList<ISupportRequestEvent> RecordEscalationRefused(Guid ticketId, string code, string reason, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DeviceTicketId == ticketId ? [new SupportRequestEscalationRefused(Id, ticketId, code, reason, context.Now)] : [];
    }
}
