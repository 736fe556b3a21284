namespace BackOffice.Domain.Equipment;

/// <summary>Records maintenance performed on the device.</summary>
/// <param name="PerformedOn">The day (not in the future).</param>
/// <param name="Notes">What was done (≤ 2000), optional.</param>
public sealed record RecordMaintenance(DateOnly PerformedOn, string? Notes = null);

public sealed partial record Device
{
    /// <summary>
    /// Decides a maintenance record. With a schedule, the next due day moves to the latest maintenance + the interval
    /// (a maintenance recorded late, for a day before the latest one, does not move it back).
    /// </summary>
    public IReadOnlyList<IEquipmentEvent> RecordMaintenance(RecordMaintenance command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        if (command.PerformedOn > DateOnly.FromDateTime(context.Now.UtcDateTime))
            throw DomainException.Invalid("performedOn", "'performedOn' must not be in the future.");
        var latest = LastMaintainedOn is { } last && last > command.PerformedOn ? last : command.PerformedOn;
        DateOnly? next = MaintenanceEveryDays is { } every ? latest.AddDays(every) : null;
        return [new MaintenancePerformed(Id, command.PerformedOn, Guard.OptionalText(command.Notes, "notes", 2000), next)];
    }
}
