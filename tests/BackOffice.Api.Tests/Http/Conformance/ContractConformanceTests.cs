using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Api.Tests.Http.Conformance;

/// <summary>The suite-wide check itself: a drifting answer fails the test that receives it, naming route, status and error.</summary>
[Collection(ApiCollection.Name)]
public class ContractConformanceTests(ApiFixture api)
{
    /// <summary>A route that answers what its document does not allow, when asked to by the test.</summary>
    private sealed class Drift(int status, string body) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (!http.Request.Headers.ContainsKey("X-Test-Drift"))
                {
                    await nextMiddleware(http);
                    return;
                }
                http.Response.StatusCode = status;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(body);
            });
            next(app);
        };
    }

    private HttpClient DriftingClient(int status, string body)
    {
        var host = api.Variant(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Drift(status, body))));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-clerk");
        client.DefaultRequestHeaders.Add("X-Test-Drift", "1");
        return client;
    }

    [Fact]
    public async Task An_undocumented_status_fails_the_request_naming_route_and_status()
    {
        var failure = await Should.ThrowAsync<Exception>(() => DriftingClient(418, "{}").GetAsync("/api/supply-items"));
        var message = failure.ToString();
        message.ShouldContain("GET /api/supply-items answered 418, which the document does not list");
    }

    [Fact]
    public async Task A_body_off_its_schema_fails_the_request_naming_the_member()
    {
        var failure = await Should.ThrowAsync<Exception>(() => DriftingClient(200, """{"items":[],"page":"one","pageSize":50,"total":0,"extra":1}""").GetAsync("/api/supply-items"));
        var message = failure.ToString();
        message.ShouldContain("GET /api/supply-items 200: $.page is the string \"one\"");
        message.ShouldContain("$.extra is not a property of");
    }

    [Fact]
    public async Task A_null_where_the_schema_says_non_null_fails()
    {
        var failure = await Should.ThrowAsync<Exception>(() => DriftingClient(200, """{"items":null,"page":1,"pageSize":50,"total":0}""").GetAsync("/api/supply-items"));
        failure.ToString().ShouldContain("$.items is null");
    }

    [Fact]
    public void The_validator_knows_openapi_nullable_and_required()
    {
        var contract = new OpenApiContract("""
            {"paths":{},"components":{"schemas":{"A":{"type":"object","required":["x"],"properties":{"x":{"type":"string","nullable":true,"maxLength":3}},"additionalProperties":false}}}}
            """);
        var schema = System.Text.Json.JsonDocument.Parse("""{"$ref":"#/components/schemas/A"}""").RootElement;
        Errors(contract, schema, """{"x":null}""").ShouldBeEmpty();
        Errors(contract, schema, """{}""").ShouldHaveSingleItem().ShouldContain("$.x is missing");
        Errors(contract, schema, """{"x":"abcd"}""").ShouldHaveSingleItem().ShouldContain("maxLength 3");
    }

    private static List<string> Errors(OpenApiContract contract, System.Text.Json.JsonElement schema, string json)
    {
        var errors = new List<string>();
        contract.Validate(System.Text.Json.JsonDocument.Parse(json).RootElement, schema, "$", errors);
        return errors;
    }
}
