namespace BackOffice.Domain.Equipment;

/// <summary>Moves the device to another location.</summary>
/// <param name="Location">The new location (1–200).</param>
public sealed record MoveDevice(string Location);

public sealed partial record Device
{
    /// <summary>Decides a move; moving to where it already stands decides nothing.</summary>
    public IReadOnlyList<IEquipmentEvent> Move(MoveDevice command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireInService();
        var location = Guard.Text(command.Location, "location");
        return location == Location ? [] : [new DeviceMoved(Id, location, Location)];
    }
}
