using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BackOffice.Api.Tests.Http.Conformance;

/// <summary>
/// The served OpenAPI document (3.0), read as JSON, and the check of one answer against it: the route and method are
/// documented, the status is documented for them, the media type is one documented for that status, the body is
/// valid against that status's schema (a JSON Schema subset: the keywords Swashbuckle emits, with OpenAPI 3.0's
/// <c>nullable</c>), and each contract header the answer carries is documented for that status.
/// </summary>
public sealed partial class OpenApiContract
{
    /// <summary>Response headers of the contract: when an answer carries one, its status must document it.</summary>
    public static readonly string[] ContractHeaders =
        ["ETag", "Location", "Retry-After", "Idempotency-Replayed", "Content-Disposition", "X-RateLimit-Limit", "X-RateLimit-Remaining"];

    private readonly JsonElement root;
    private readonly List<(Regex Pattern, string Template, int Parameters)> routes;

    public OpenApiContract(string json)
    {
        root = JsonDocument.Parse(json).RootElement.Clone();
        routes = root.GetProperty("paths").EnumerateObject()
            .Select(p => (new Regex("^" + Parameter().Replace(Regex.Escape(p.Name).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), p.Name, p.Name.Count(c => c == '{')))
            .OrderBy(r => r.Item3)
            .ToList();
    }

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex Parameter();

    /// <summary>The documented template of <paramref name="path"/> (the most literal match), or null.</summary>
    public string? TemplateOf(string path) => routes.FirstOrDefault(r => r.Pattern.IsMatch(path)).Template;

    /// <summary>The violations of one answer (empty when it conforms).</summary>
    public List<string> Check(string method, string path, int status, string? mediaType, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var errors = new List<string>();
        var template = TemplateOf(path);
        var operation = default(JsonElement);
        var documented = template is not null
            && root.GetProperty("paths").GetProperty(template).TryGetProperty(method.ToLowerInvariant(), out operation);
        if (!documented)
        {
            // An unknown route or method: the fallback policy's 401/403 and HTTP's own 404/405 are all it may give.
            if (status is not (401 or 403 or 404 or 405)) errors.Add($"{method} {path} is not a documented route, yet it answered {status}");
            return errors;
        }
        var route = $"{method} {template}";
        if (!operation.GetProperty("responses").TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var response))
        {
            var statuses = string.Join(", ", operation.GetProperty("responses").EnumerateObject().Select(r => r.Name));
            errors.Add($"{route} answered {status}, which the document does not list (documented: {statuses})");
            return errors;
        }
        response = Resolve(response);
        foreach (var header in ContractHeaders.Where(headers.ContainsKey))
        {
            if (!response.TryGetProperty("headers", out var declared) || !declared.EnumerateObject().Any(h => string.Equals(h.Name, header, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"{route} {status} carries the header {header}, which the document does not declare for that status");
        }
        if (body.Length == 0) return errors;
        if (!response.TryGetProperty("content", out var content))
        {
            errors.Add($"{route} {status} has a body ({mediaType}) where the document declares none");
            return errors;
        }
        var media = content.EnumerateObject().FirstOrDefault(m => string.Equals(m.Name, mediaType, StringComparison.OrdinalIgnoreCase));
        if (media.Value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{route} {status} answered {mediaType ?? "no media type"}, which the document does not declare (declared: {string.Join(", ", content.EnumerateObject().Select(m => m.Name))})");
            return errors;
        }
        var json = mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!json || !media.Value.TryGetProperty("schema", out var schema))
            return errors;
        JsonElement value;
        try
        {
            value = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            errors.Add($"{route} {status}: the body is not JSON: {e.Message}");
            return errors;
        }
        var schemaErrors = new List<string>();
        Validate(value, schema, "$", schemaErrors);
        errors.AddRange(schemaErrors.Select(e => $"{route} {status}: {e}"));
        return errors;
    }

    private JsonElement Resolve(JsonElement element)
    {
        while (element.TryGetProperty("$ref", out var reference))
        {
            var pointer = reference.GetString()!;
            var node = root;
            foreach (var part in pointer.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            element = node;
        }
        return element;
    }

    private static string Name(JsonElement schema)
        => schema.TryGetProperty("$ref", out var r) ? r.GetString()!.Split('/')[^1] : "schema";

    /// <summary>Checks <paramref name="value"/> against an OpenAPI 3.0 schema; adds one line per violation, at its JSON path.</summary>
    public void Validate(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        var name = Name(schema);
        schema = Resolve(schema);
        var nullable = schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True;
        if (value.ValueKind == JsonValueKind.Null)
        {
            var constrained = schema.TryGetProperty("type", out _) || schema.TryGetProperty("allOf", out _) || schema.TryGetProperty("properties", out _) || schema.TryGetProperty("enum", out _);
            if (constrained && !nullable) errors.Add($"{path} is null, but {name} is not nullable");
            return;
        }
        if (schema.TryGetProperty("allOf", out var allOf))
            foreach (var part in allOf.EnumerateArray()) Validate(value, part, path, errors);
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(keyword, out var alternatives)) continue;
            var any = alternatives.EnumerateArray().Any(a => { var e = new List<string>(); Validate(value, a, path, e); return e.Count == 0; });
            if (!any) errors.Add($"{path} matches none of the {keyword} of {name}");
        }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            errors.Add($"{path} is {value.GetRawText()}, not one of {values.GetRawText()}");
        if (!schema.TryGetProperty("type", out var typeElement)) return;
        var type = typeElement.GetString();
        var kind = value.ValueKind;
        var typeOk = type switch
        {
            "string" => kind == JsonValueKind.String,
            "integer" => kind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "array" => kind == JsonValueKind.Array,
            "object" => kind == JsonValueKind.Object,
            _ => true,
        };
        if (!typeOk)
        {
            errors.Add($"{path} is {Describe(value)}, but {name} says {type}");
            return;
        }
        switch (type)
        {
            case "string":
                CheckString(value.GetString()!, schema, path, errors);
                break;
            case "integer" or "number":
                var number = value.GetDecimal();
                if (schema.TryGetProperty("minimum", out var min) && number < min.GetDecimal()) errors.Add($"{path} is {number}, below the minimum {min}");
                if (schema.TryGetProperty("maximum", out var max) && number > max.GetDecimal()) errors.Add($"{path} is {number}, above the maximum {max}");
                break;
            case "array":
                var count = value.GetArrayLength();
                if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32()) errors.Add($"{path} has {count} items, more than maxItems {maxItems}");
                if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32()) errors.Add($"{path} has {count} items, fewer than minItems {minItems}");
                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) Validate(item, items, $"{path}[{i++}]", errors);
                }
                break;
            case "object":
                CheckObject(value, schema, name, path, errors);
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string name, string path, List<string> errors)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
            foreach (var member in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.TryGetProperty(member, out _)) errors.Add($"{path}.{member} is missing, but {name} requires it");
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var propertySchema))
                Validate(member.Value, propertySchema, $"{path}.{member.Name}", errors);
            else if (additional.ValueKind == JsonValueKind.False)
                errors.Add($"{path}.{member.Name} is not a property of {name} (additionalProperties: false)");
            else if (additional.ValueKind == JsonValueKind.Object)
                Validate(member.Value, additional, $"{path}.{member.Name}", errors);
        }
        if (schema.TryGetProperty("maxProperties", out var maxProperties) && value.EnumerateObject().Count() > maxProperties.GetInt32())
            errors.Add($"{path} has more than maxProperties {maxProperties} members");
    }

    private static void CheckString(string text, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32()) errors.Add($"{path} has {text.Length} characters, more than maxLength {max}");
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32()) errors.Add($"{path} has {text.Length} characters, fewer than minLength {min}");
        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.CultureInvariant))
            errors.Add($"{path} \"{Shorten(text)}\" does not match the pattern {pattern}");
        if (!schema.TryGetProperty("format", out var format)) return;
        var ok = format.GetString() switch
        {
            "uuid" => Guid.TryParse(text, out _),
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.Contains('T', StringComparison.Ordinal),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!ok) errors.Add($"{path} \"{Shorten(text)}\" is not a valid {format}");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
