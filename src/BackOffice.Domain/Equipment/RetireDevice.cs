namespace BackOffice.Domain.Equipment;

/// <summary>Retires (disposes of) the device.</summary>
/// <param name="Reason">Why (1–500).</param>
public sealed record RetireDevice(string Reason);

public sealed partial record Device
{
    /// <summary>Decides a retirement: never while a ticket is open (409 <c>device-has-open-tickets</c>).</summary>
    public IReadOnlyList<IEquipmentEvent> Retire(RetireDevice command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        var reason = Guard.Text(command.Reason, "reason", 500);
        if (OpenTickets > 0)
            throw new DomainException(ErrorCodes.DeviceHasOpenTickets,
                $"Device {AssetTag} has {OpenTickets} open fault ticket(s); resolve them before retiring it.");
        return [new DeviceRetired(Id, reason, context.Now)];
    }
}
