namespace BackOffice.Domain.Equipment;

/// <summary>Names the supply items the device consumes (the whole list). Their existence is the host's to check.</summary>
/// <param name="SupplyItemIds">At most 50 supply items; duplicates are ignored.</param>
public sealed record SetConsumables(IReadOnlyList<Guid> SupplyItemIds);

public sealed partial record Device
{
    /// <summary>The most supply items a device may consume.</summary>
    public const int MaxConsumables = 50;

    /// <summary>Decides the list; the same list again decides nothing.</summary>
    public IReadOnlyList<IEquipmentEvent> SetConsumables(SetConsumables command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireInService();
        if (command.SupplyItemIds is null) throw DomainException.Invalid("supplyItemIds", "'supplyItemIds' is required (an empty list clears it).");
        var ids = command.SupplyItemIds.Distinct().ToList();
        if (ids.Contains(Guid.Empty)) throw DomainException.Invalid("supplyItemIds", "'supplyItemIds' must not contain an empty id.");
        if (ids.Count > MaxConsumables) throw DomainException.Invalid("supplyItemIds", $"A device consumes at most {MaxConsumables} supply items.");
        return ids.SequenceEqual(Consumables) ? [] : [new DeviceConsumablesSet(Id, ids)];
    }
}
