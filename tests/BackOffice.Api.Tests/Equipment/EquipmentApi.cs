using BackOffice.Api.Equipment;
using BackOffice.Api.Tests.Recruiting;

namespace BackOffice.Api.Tests.Equipment;

/// <summary>Equipment requests shared by the equipment tests.</summary>
public static class EquipmentApi
{
    public sealed record Created(Guid Id, long Version);

    public sealed record TicketCreated(Guid Id, long Version, Guid TicketId);

    public sealed record ReplacementCreated(Guid Id, long Version, Guid ReplacementId);

    public static object NewDevice(string? assetTag = null, string kind = "Copier", string? location = null) => new
    {
        assetTag = assetTag ?? "CP-" + RecruitingApi.Tag(),
        kind,
        make = "Canon",
        model = "imageRUNNER 2630i",
        serial = "SN-" + RecruitingApi.Tag(),
        location = location ?? "Copy room " + RecruitingApi.Tag(),
        purchasedOn = "2025-01-02",
        warrantyUntil = "2028-01-01",
    };

    public static async Task<Guid> Device(this HttpClient it, object? device = null)
        => (await (await it.PostJson("/api/devices", device ?? NewDevice())).ShouldBe<Created>(201)).Id;

    public static async Task<DeviceView> GetDevice(this HttpClient client, Guid id)
        => await (await client.GetAsync($"/api/devices/{id}")).ShouldBe<DeviceView>(200);

    public static async Task<Guid> Report(this HttpClient client, Guid device, string symptom = "Paper jam", string severity = "Medium")
        => (await (await client.PostJson($"/api/devices/{device}/tickets", new { symptom, severity })).ShouldBe<TicketCreated>(200)).TicketId;

    /// <summary>Polls the device until <paramref name="until"/> holds (a workflow runs after the command's commit).</summary>
    public static async Task<DeviceView> DeviceWhen(this HttpClient client, Guid id, Func<DeviceView, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var device = await client.GetDevice(id);
            if (until(device)) return device;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Device {id} never reached the expected state.");
            await Task.Delay(100);
        }
    }
}

/// <summary>A clock a test moves by hand.</summary>
internal sealed class SettableTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
