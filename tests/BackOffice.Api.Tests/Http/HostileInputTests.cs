using System.Net;
using System.Text;
using BackOffice.Api.Tests.Inventory;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Api.Tests.Http;

/// <summary>
/// Fuzzes every command route the host maps (so new routes are covered as they land) with hostile bodies, headers and
/// content types: only 4xx answers, and nothing is stored. Runs in a tenant of its own so that counting its events is exact.
/// </summary>
[Collection(ApiCollection.Name)]
public class HostileInputTests(ApiFixture api)
{
    private static readonly string[] Bodies =
    [
        "", "null", "[]", "\"text\"", "42", "{", "}", "{\"quantity\":}", "{\"quantity\":1,}", "{'quantity':1}",
        "{\"quantity\":-1}", "{\"quantity\":0}", "{\"quantity\":99999999999999999999}", "{\"quantity\":2147483648}",
        "{\"quantity\":1e400}", "{\"quantity\":NaN}", "{\"quantity\":\"1\"}", "{\"quantity\":true}", "{\"quantity\":null}",
        "{\"quantity\":1.5}", "{\"quantity\":[1]}", "{\"quantity\":{\"a\":1}}", "{\"quantity\":1,\"quantity\":2}",
        "{\"sku\":null,\"name\":null}", "{\"sku\":\"\",\"name\":\"\",\"unit\":\"\",\"category\":\"\",\"location\":\"\",\"reorderPoint\":-5,\"reorderQuantity\":0}",
        "{\"sku\":\"x'; DROP TABLE mt_events; --\",\"name\":\"<script>alert(1)</script>\",\"unit\":\"u\",\"category\":\"c\",\"location\":\"l\",\"reorderPoint\":-1,\"reorderQuantity\":1}",
        "{\"countedQuantity\":-3}", "{\"reorderPoint\":5,\"reorderQuantity\":1,\"parLevel\":2}", "{\"supplier\":\"\"}", "{\"reason\":\"\"}",
        new string('[', 5000) + new string(']', 5000),
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2001),
        "{\"quantity\":1,\"departmentId\":\"not-a-guid\"}", "{\"quantity\":1,\"unitCost\":-1}", "{\"quantity\":1,\"unitCost\":1.234}",
        "\u0000\u0001\u0002", "{\"purpose\":\"\uD800\"}",
    ];

    [Fact]
    public async Task Every_command_route_answers_hostile_input_with_4xx_and_stores_nothing()
    {
        var client = api.As(ApiFixture.FuzzKey);
        var id = await client.Register();
        await client.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1 });
        var before = await CountFuzzEvents();

        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && r.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct().ToList();
        routes.Count.ShouldBeGreaterThan(2);

        var random = new Random(20261128);
        var tried = 0;
        foreach (var (method, pattern) in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", m => m.Value.StartsWith("{id", StringComparison.Ordinal) ? id.ToString() : Guid.NewGuid().ToString());
            var payloads = Bodies.Select(b => (Bytes: Encoding.UTF8.GetBytes(b), Type: "application/json")).ToList();
            payloads.Add(([0xC3, 0x28, 0x7B, 0xFF, 0xFE], "application/json"));                    // invalid UTF-8
            payloads.Add((RandomBytes(random, 4096), "application/json"));
            payloads.Add((RandomBytes(random, 512), "application/octet-stream"));
            payloads.Add((Encoding.UTF8.GetBytes("quantity=1"), "application/x-www-form-urlencoded"));
            payloads.Add((Encoding.UTF8.GetBytes("{\"quantity\":1}"), "text/plain"));
            payloads.Add((Encoding.UTF8.GetBytes("{\"quantity\":1,\"purpose\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"), "application/json"));
            foreach (var (bytes, type) in payloads)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                tried++;
                status.ShouldBeInRange(400, 499, $"{method} {url} with {type} {Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 60)])} answered {status}");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{method} {url}");
            }
        }
        tried.ShouldBeGreaterThan(100);
        (await CountFuzzEvents()).ShouldBe(before);
    }

    [Fact]
    public async Task Hostile_headers_are_4xx()
    {
        var client = api.As(ApiFixture.FuzzKey);
        var id = await client.Register();
        foreach (var (name, value) in new[] { ("If-Match", "\"-1\""), ("If-Match", "\"99999999999999999999999\""), ("If-Match", "*"), ("X-Correlation-Id", new string('x', 101)), ("X-Reason", new string('r', 501)), ("Idempotency-Key", new string('k', 201)) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/supply-items/{id}/receipts") { Content = new StringContent("{\"quantity\":1}", Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(name, value);
            var status = (int)(await client.SendAsync(request)).StatusCode;
            status.ShouldBeInRange(400, 499, $"{name}: {value[..Math.Min(20, value.Length)]}");
        }
        (await client.GetItem(id)).Version.ShouldBe(1);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<long> CountFuzzEvents()
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor(ApiFixture.FuzzTenant));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from api_tests.mt_events where tenant_id = @t", connection);
        command.Parameters.AddWithValue("t", ApiFixture.FuzzTenant);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
