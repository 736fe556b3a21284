using System.Text.Json;

namespace BackOffice.Api.Tests.Http;

/// <summary>
/// The contract half of the security work: the answers the idempotency machinery gives (409 in flight, 422 reused),
/// Retry-After on 429 and 503, and the properties only some roles see, declared nullable.
/// </summary>
[Collection(ApiCollection.Name)]
public class OpenApiSecurityContractTests(ApiFixture api)
{
    private async Task<JsonElement> Document()
        => JsonDocument.Parse(await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Every_route_taking_an_idempotency_key_documents_409_and_422_problems()
    {
        var doc = await Document();
        var routes = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("parameters", out var parameters)
                    || !parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key")) continue;
                routes++;
                var responses = operation.Value.GetProperty("responses");
                foreach (var status in new[] { "409", "422" })
                {
                    responses.TryGetProperty(status, out var response).ShouldBeTrue($"{operation.Name} {path.Name} lacks {status}");
                    response.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue($"{operation.Name} {path.Name} {status}");
                }
            }
        routes.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Every_429_and_503_documents_retry_after()
    {
        var doc = await Document();
        var seen = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                foreach (var status in new[] { "429", "503" })
                {
                    if (!operation.Value.GetProperty("responses").TryGetProperty(status, out var response)) continue;
                    seen++;
                    response.GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue($"{operation.Name} {path.Name} {status}");
                }
        seen.ShouldBeGreaterThan(20);
    }

    [Theory]
    [InlineData("CandidateView", "resume")]
    [InlineData("CandidateView", "screeningNotes")]
    [InlineData("CandidateView", "offer")]
    [InlineData("FeedbackView", "notes")]
    [InlineData("RecruitingDashboard", "offersOutstanding")]
    [InlineData("ChainVerification", "keptCheckpoint")]
    public async Task Properties_served_to_some_roles_only_are_nullable(string schema, string property)
    {
        var doc = await Document();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var found = schemas.EnumerateObject().Where(s => s.Name == schema).ToList();
        found.ShouldNotBeEmpty(schema);
        var prop = found[0].Value.GetProperty("properties").GetProperty(property);
        IsNullable(prop).ShouldBeTrue($"{schema}.{property}: {prop}");
    }

    private static bool IsNullable(JsonElement schema)
    {
        if (schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True) return true;
        if (schema.TryGetProperty("type", out var t))
        {
            if (t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null")) return true;
            if (t.ValueKind == JsonValueKind.String && t.GetString() == "null") return true;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combinator, out var parts) && parts.EnumerateArray().Any(IsNullable)) return true;
        return false;
    }
}
