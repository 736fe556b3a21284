using BackOffice.Domain.Equipment;
using BackOffice.Projections.Infrastructure;

namespace BackOffice.Projections.Equipment;

/// <summary>
/// The device's snapshot, kept inline (in the same transaction as the events) so that a command loads the current
/// state in one read and the asset tag's unique index sees every registration. Evolution is the domain's own
/// <see cref="Device.Evolve"/>.
/// </summary>
public sealed class DeviceProjection() : Snapshot<Device, IEquipmentEvent>(Device.Evolve);
