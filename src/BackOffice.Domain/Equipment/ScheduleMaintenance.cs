namespace BackOffice.Domain.Equipment;

/// <summary>Sets the preventive-maintenance schedule: every <paramref name="EveryDays"/> days.</summary>
/// <param name="EveryDays">Interval (1–3650).</param>
public sealed record ScheduleMaintenance(int EveryDays);

public sealed partial record Device
{
    /// <summary>
    /// Decides a schedule: the next due day is the last maintenance (or, without one, today) + the interval. The same
    /// interval again decides nothing.
    /// </summary>
    public IReadOnlyList<IEquipmentEvent> ScheduleMaintenance(ScheduleMaintenance command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        Guard.AtLeast(command.EveryDays, 1, "everyDays");
        if (command.EveryDays > 3650) throw DomainException.Invalid("everyDays", "'everyDays' must be at most 3650.");
        if (command.EveryDays == MaintenanceEveryDays) return [];
        var from = LastMaintainedOn ?? DateOnly.FromDateTime(context.Now.UtcDateTime);
        return [new MaintenanceScheduled(Id, command.EveryDays, from.AddDays(command.EveryDays))];
    }
}
