using BackOffice.Domain.Inventory;

namespace BackOffice.Domain.Equipment;

/// <summary>
/// The consumables workflow's decision (ADR 14): the stock of a requested replacement is issued from the supply item
/// by Inventory's own rule (<see cref="SupplyItem.Issue"/>: never more than on hand, reorder when the stock position
/// crosses the reorder point), to the device's assignee, with a purpose naming the device. The device records the
/// outcome: <see cref="ConsumableStockIssued"/>, or <see cref="ConsumableReplacementRefused"/> with Inventory's error
/// code. A replacement already decided decides nothing, so a redelivered message issues nothing twice.
/// </summary>
public static class ConsumableIssue
{
    /// <summary>The purpose recorded on the stock issue: it names the device.</summary>
    public static string PurposeFor(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return $"Consumable replaced on device {device.AssetTag} ({device.Id})";
    }

    /// <summary>Decides the issue of replacement <paramref name="replacementId"/> of <paramref name="device"/>.</summary>
    /// <param name="device">The device (its stream locked by the caller).</param>
    /// <param name="replacementId">The replacement.</param>
    /// <param name="item">The supply item (its stream locked by the caller), <c>null</c> when it does not exist.</param>
    /// <param name="context">The workflow's user, time and ids.</param>
    /// <exception cref="DomainException"><c>not-found</c> when the device has no such replacement.</exception>
    public static ConsumableIssueDecision Decide(Device device, Guid replacementId, SupplyItem? item, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(context);
        var replacement = device.Replacements.FirstOrDefault(r => r.ReplacementId == replacementId)
            ?? throw DomainException.NotFound($"Consumable replacement {replacementId} of device {device.AssetTag}");
        if (replacement.Status != ReplacementStatus.Requested) return new([], []);
        if (device.Retired)
            return Refused(device, replacement, ErrorCodes.DeviceRetired, $"Device {device.AssetTag} was retired before the stock was issued.");
        if (item is null)
            return Refused(device, replacement, ErrorCodes.NotFound, $"Supply item {replacement.SupplyItemId} was not found.");
        try
        {
            var issued = item.Issue(new IssueStock(replacement.Quantity, device.AssignedTo?.DepartmentId, device.AssignedTo?.EmployeeId, PurposeFor(device)), context);
            return new([new ConsumableStockIssued(device.Id, replacement.ReplacementId, replacement.SupplyItemId, replacement.Quantity)], issued);
        }
        catch (DomainException ex)
        {
            return Refused(device, replacement, ex.Code, ex.Message);
        }
    }

    private static ConsumableIssueDecision Refused(Device device, ConsumableReplacement replacement, string code, string reason)
        => new([new ConsumableReplacementRefused(device.Id, replacement.ReplacementId, replacement.SupplyItemId, replacement.Quantity, code, reason)], []);
}

/// <summary>What <see cref="ConsumableIssue.Decide"/> decided.</summary>
/// <param name="DeviceEvents">The outcome recorded on the device (none when already decided).</param>
/// <param name="SupplyItemEvents">The stock issue (and any reorder it raised) on the supply item; none when refused.</param>
public sealed record ConsumableIssueDecision(IReadOnlyList<IEquipmentEvent> DeviceEvents, IReadOnlyList<IInventoryEvent> SupplyItemEvents);
