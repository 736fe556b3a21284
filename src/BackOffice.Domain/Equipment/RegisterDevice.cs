namespace BackOffice.Domain.Equipment;

/// <summary>Adds a device to the register.</summary>
/// <param name="DeviceId">The id the new device gets (made at the edge, Guid v7).</param>
/// <param name="AssetTag">Asset tag (1–64), unique per tenant.</param>
/// <param name="Kind">Sort of device.</param>
/// <param name="Make">Manufacturer (1–100).</param>
/// <param name="Model">Model (1–100).</param>
/// <param name="Serial">Serial number (≤ 100), optional.</param>
/// <param name="Location">Where it stands (1–200).</param>
/// <param name="PurchasedOn">Purchase day, optional.</param>
/// <param name="WarrantyUntil">Last day of warranty, optional (not before the purchase day).</param>
public sealed record RegisterDevice(
    Guid DeviceId, string AssetTag, DeviceKind Kind, string Make, string Model, string? Serial, string Location,
    DateOnly? PurchasedOn = null, DateOnly? WarrantyUntil = null);

public sealed partial record Device
{
    /// <summary>Decides the registration of a new device. Uniqueness of the asset tag is the store's to enforce.</summary>
    public static IReadOnlyList<IEquipmentEvent> Register(RegisterDevice command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(command.Kind)) throw DomainException.Invalid("kind", "'kind' is not a known kind of device.");
        if (command.PurchasedOn is { } bought && command.WarrantyUntil is { } until && until < bought)
            throw DomainException.Invalid("warrantyUntil", "'warrantyUntil' must not be before 'purchasedOn'.");
        return
        [
            new DeviceRegistered(command.DeviceId, Guard.Text(command.AssetTag, "assetTag", 64), command.Kind,
                Guard.Text(command.Make, "make", 100), Guard.Text(command.Model, "model", 100), Guard.OptionalText(command.Serial, "serial", 100),
                Guard.Text(command.Location, "location"), command.PurchasedOn, command.WarrantyUntil, context.Now),
        ];
    }
}
