using System.Text.Json;
using BackOffice.Api.Inventory;

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
        return (await response.ShouldBe<CommandResponse>(201)).Id;
    }

    public static async Task<GetSupplyItemEndpoint.SupplyItemView> GetItem(this HttpClient client, Guid id)
        => await client.GetAsync($"/api/supply-items/{id}").Ok<GetSupplyItemEndpoint.SupplyItemView>();

    /// <summary>The reorders of <paramref name="query"/> (<c>/api/reorders?…</c>).</summary>
    public static async Task<Page<ListReordersEndpoint.Item>> Reorders(this HttpClient client, string query)
        => await client.GetAsync($"/api/reorders?{query}").Ok<Page<ListReordersEndpoint.Item>>();
}

public static class InventoryApiSteps
{
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
        => (await client.PostJson($"/api/supply-items/{itemId}/reorders", new { quantity }).Ok<ReorderResponse>()).ReorderId.ShouldNotBeNull();
}
