using System.Text.Json;

namespace BackOffice.Api.Tests.Inventory;

/// <summary>Inventory requests shared by the inventory tests.</summary>
public static class InventoryApi
{
    public static object NewItem(string? sku = null, int reorderPoint = 5, int reorderQuantity = 20, int? parLevel = null) => new
    {
        sku = sku ?? "SKU-" + Guid.NewGuid().ToString("N")[..12],
        name = "A4 paper",
        unit = "ream",
        category = "paper",
        location = "B1",
        reorderPoint,
        reorderQuantity,
        parLevel,
    };

    public static async Task<Guid> Register(this HttpClient client, object? item = null)
    {
        var response = await client.PostJson("/api/supply-items", item ?? NewItem());
        var body = await response.ShouldBeJson(201);
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetItem(this HttpClient client, Guid id)
        => await (await client.GetAsync($"/api/supply-items/{id}")).ShouldBeJson(200);
}
