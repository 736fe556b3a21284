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

public static class InventoryApiSteps
{
    public static async Task<JsonElement> Ok(this Task<HttpResponseMessage> response) => await (await response).ShouldBeJson(200);

    /// <summary>Registers an item with <paramref name="onHand"/> received.</summary>
    public static async Task<Guid> Stocked(this HttpClient client, int onHand, int reorderPoint = 5, string? category = null, string? sku = null)
    {
        var item = InventoryApi.NewItem(sku, reorderPoint);
        if (category is not null)
        {
            var json = JsonSerializer.SerializeToElement(item, HttpAssertions.Json);
            var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            dict["category"] = category;
            item = dict;
        }
        var id = await client.Register(item);
        if (onHand > 0) await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = onHand }).Ok();
        return id;
    }

    /// <summary>A clerk's manual reorder request; returns its id.</summary>
    public static async Task<Guid> RequestReorder(this HttpClient client, Guid itemId, int quantity = 10)
        => (await client.PostJson($"/api/supply-items/{itemId}/reorders", new { quantity }).Ok()).GetProperty("reorderId").GetGuid();
}
