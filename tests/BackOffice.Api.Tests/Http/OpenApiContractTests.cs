using System.Text.Json;
using BackOffice.Api.Tests.Inventory;

namespace BackOffice.Api.Tests.Http;

/// <summary>
/// Issue 19, contract half: the document declares nullability, presence and every input bound the API enforces, and
/// the API enforces a bound wherever the document declares one.
/// </summary>
[Collection(ApiCollection.Name)]
public class OpenApiContractTests(ApiFixture api)
{
    private async Task<JsonElement> Document()
        => JsonDocument.Parse(await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync()).RootElement;

    private static JsonElement Schema(JsonElement doc, string name) => doc.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement Resolve(JsonElement doc, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = Schema(doc, reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    [Fact]
    public async Task The_sku_declares_the_64_characters_the_api_enforces_and_a_longer_one_is_refused()
    {
        var doc = await Document();
        var request = Schema(doc, "RegisterSupplyItemRequest");
        request.GetProperty("properties").GetProperty("sku").GetProperty("maxLength").GetInt32().ShouldBe(64);
        request.GetProperty("properties").GetProperty("reorderQuantity").GetProperty("minimum").GetDecimal().ShouldBe(1);
        request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldContain("sku");

        var problem = await (await api.As("demo-clerk").PostJson("/api/supply-items", new
        {
            sku = new string('S', 5000), name = "n", unit = "each", category = "c", location = "l", reorderPoint = 0, reorderQuantity = 1,
        })).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").GetProperty("sku")[0].GetString().ShouldBe("'sku' must be at most 64 characters.");
    }

    [Fact]
    public async Task Nullable_members_are_nullable_whatever_their_type()
    {
        var doc = await Document();
        static bool Nullable(JsonElement property) => property.TryGetProperty("nullable", out var n) && n.GetBoolean();
        var employee = Schema(doc, "EmployeeView").GetProperty("properties");
        Nullable(employee.GetProperty("terminationReason")).ShouldBeTrue("a nullable enum");
        employee.GetProperty("terminationReason").GetProperty("type").GetString().ShouldBe("string");
        Nullable(employee.GetProperty("contractEndsOn")).ShouldBeTrue("a nullable date");
        Nullable(Schema(doc, "CandidateView").GetProperty("properties").GetProperty("offer")).ShouldBeTrue("a nullable object");
        Nullable(Schema(doc, "ChainVerification").GetProperty("properties").GetProperty("firstBreak")).ShouldBeTrue();
        Nullable(employee.GetProperty("name")).ShouldBeTrue("erased personal data");
        Nullable(employee.GetProperty("id")).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_member_of_an_answer_is_required_as_the_api_always_sends_it()
    {
        var doc = await Document();
        var view = Schema(doc, "SupplyItemView");
        var required = view.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
        required.ShouldBe(view.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(), ignoreOrder: true);
        required.ShouldContain("openReorderId");
    }

    [Fact]
    public async Task Every_input_declares_its_bound()
    {
        var doc = await Document();
        var unbounded = new List<string>();
        void Walk(JsonElement schema, string path, HashSet<string> seen)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                if (!seen.Add(reference.GetString()!)) return;
                schema = Resolve(doc, schema);
            }
            foreach (var combinator in new[] { "allOf", "oneOf" })
                foreach (var part in schema.TryGetProperty(combinator, out var parts) ? parts.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    Walk(part, path, seen);
            var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            switch (type)
            {
                case "string" when !schema.TryGetProperty("maxLength", out _) && !schema.TryGetProperty("enum", out _) && format is not ("uuid" or "date" or "date-time"):
                    unbounded.Add(path + " (string without maxLength)");
                    break;
                case "integer" or "number" when !schema.TryGetProperty("minimum", out _) || !schema.TryGetProperty("maximum", out _):
                    unbounded.Add(path + " (number without minimum and maximum)");
                    break;
                case "array":
                    if (!schema.TryGetProperty("maxItems", out _)) unbounded.Add(path + " (array without maxItems)");
                    Walk(schema.GetProperty("items"), path + "[]", seen);
                    break;
            }
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var property in properties.EnumerateObject()) Walk(property.Value, path + "." + property.Name, seen);
        }
        var inputs = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (operation.Value.TryGetProperty("requestBody", out var body))
                    foreach (var media in body.GetProperty("content").EnumerateObject())
                    {
                        inputs++;
                        Walk(media.Value.GetProperty("schema"), name + " body", []);
                    }
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        inputs++;
                        Walk(parameter.GetProperty("schema"), $"{name} {parameter.GetProperty("in").GetString()} {parameter.GetProperty("name").GetString()}", []);
                    }
            }
        }
        inputs.ShouldBeGreaterThan(300);
        unbounded.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lists_and_filters_declare_their_bounds()
    {
        var doc = await Document();
        var parameters = doc.GetProperty("paths").GetProperty("/api/supply-items").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        parameters["pageSize"].GetProperty("minimum").GetDecimal().ShouldBe(1);
        parameters["pageSize"].GetProperty("maximum").GetDecimal().ShouldBe(200);
        parameters["page"].GetProperty("maximum").GetDecimal().ShouldBe(1_000_000);
        parameters["category"].GetProperty("maxLength").GetInt32().ShouldBe(200);
        var audit = doc.GetProperty("paths").GetProperty("/api/audit/events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        audit["limit"].GetProperty("maximum").GetDecimal().ShouldBe(1000);
        audit["streamId"].GetProperty("format").GetString().ShouldBe("uuid");
    }

    [Fact]
    public async Task A_query_value_over_its_declared_length_is_refused()
    {
        var problem = await (await api.As("demo-clerk").GetAsync("/api/supply-items?category=" + new string('c', 201))).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").TryGetProperty("category", out _).ShouldBeTrue();
        (await api.As("demo-clerk").GetAsync("/api/supply-items?category=" + new string('c', 200))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task New_bounds_are_enforced_where_none_existed()
    {
        var clerk = api.As("demo-clerk");
        var id = await clerk.Register();
        var problem = await (await clerk.PostJson($"/api/supply-items/{id}/receipts", new { quantity = 1_000_001 })).ShouldBeProblem(400, "validation-failed");
        problem.GetProperty("errors").GetProperty("quantity")[0].GetString().ShouldBe("'quantity' must be between 1 and 1000000.");
        var lines = Enumerable.Range(0, 501).Select(_ => new { accountId = Guid.NewGuid(), debit = 1m }).ToList();
        var entry = await (await api.As("demo-accountant").PostJson("/api/journal-entries", new { date = "2026-03-02", memo = "m", lines })).ShouldBeProblem(400, "validation-failed");
        entry.GetProperty("errors").TryGetProperty("lines", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Answers_document_and_carry_the_rate_limit_headers_and_retry_after_is_an_integer()
    {
        var doc = await Document();
        var receipts = doc.GetProperty("paths").GetProperty("/api/supply-items/{id}/receipts").GetProperty("post").GetProperty("responses");
        receipts.GetProperty("200").GetProperty("headers").TryGetProperty("X-RateLimit-Limit", out _).ShouldBeTrue();
        receipts.GetProperty("200").GetProperty("headers").TryGetProperty("Idempotency-Replayed", out _).ShouldBeTrue();
        receipts.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
        var retryAfter = receipts.GetProperty("429").GetProperty("headers").GetProperty("Retry-After").GetProperty("schema");
        retryAfter.GetProperty("format").GetString().ShouldBe("int32");
        receipts.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue();

        var response = await api.As("demo-clerk").GetAsync("/api/supply-items");
        int.Parse(response.Headers.GetValues("X-RateLimit-Limit").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        response.Headers.Contains("X-RateLimit-Remaining").ShouldBeTrue();
    }

    [Fact]
    public async Task The_health_probes_are_documented_anonymous()
    {
        var doc = await Document();
        var ready = doc.GetProperty("paths").GetProperty("/health/ready").GetProperty("get");
        ready.GetProperty("security").GetArrayLength().ShouldBe(0);
        ready.GetProperty("responses").GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue();
    }

    [Fact]
    public void Spectral_owasp_runs_in_the_lint_with_each_rule_switched_off_given_its_reason()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "global.json"))) root = root.Parent!;
        File.ReadAllText(Path.Combine(root.FullName, "scripts", "lint-openapi.sh")).ShouldContain("spectral lint");
        var package = File.ReadAllText(Path.Combine(root.FullName, "tools", "openapi-lint", "package.json"));
        package.ShouldContain("@stoplight/spectral-owasp-ruleset");
        var lines = File.ReadAllLines(Path.Combine(root.FullName, "tools", "openapi-lint", ".spectral.yaml"));
        lines.ShouldContain(l => l.Contains("@stoplight/spectral-owasp-ruleset", StringComparison.Ordinal));
        var off = lines.Select((line, i) => (line, i)).Where(x => x.line.TrimEnd().EndsWith(": off", StringComparison.Ordinal)).ToList();
        off.Count.ShouldBeGreaterThan(2);
        foreach (var (line, i) in off)
        {
            // The reason: the comment block right above the rule (or above the run of rules it belongs to).
            var j = i - 1;
            while (j >= 0 && lines[j].TrimEnd().EndsWith(": off", StringComparison.Ordinal)) j--;
            (j >= 0 && lines[j].TrimStart().StartsWith('#')).ShouldBeTrue($"'{line.Trim()}' has no reason above it");
        }
    }
}
