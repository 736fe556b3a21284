using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// Every member of an answer is always present (the API serializes nulls: <c>DefaultIgnoreCondition = Never</c>), so
/// each schema reachable from a response, and from no request body, lists all its properties as <c>required</c>: a
/// generated client can then rely on them, and the suite's response-conformance check catches a member that
/// disappears. Schemas that requests share keep the request's optional members.
/// </summary>
internal sealed class ResponseMembersRequired : IDocumentFilter
{
    private const string ProblemSchema = "ProblemDetails";
    private static readonly string[] ProblemMembers = ["type", "title", "status", "detail"];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null) return;
        var operations = swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToList();
        var requests = Reachable(schemas, operations.Select(o => o.RequestBody).OfType<OpenApiRequestBody>()
            .SelectMany(b => b.Content?.Values.AsEnumerable() ?? []).Select(m => m.Schema));
        var responses = Reachable(schemas, operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).OfType<OpenApiResponse>()
            .SelectMany(r => r.Content?.Values.AsEnumerable() ?? []).Select(m => m.Schema));
        foreach (var name in responses.Except(requests))
        {
            if (name == ProblemSchema)
            {
                // Problems are written by the framework's converter, which leaves out null members: only what the
                // contract promises on every problem is required.
                if (schemas[name] is OpenApiSchema problem && problem.Properties is not null)
                    problem.Required = new SortedSet<string>(ProblemMembers.Where(problem.Properties.ContainsKey), StringComparer.Ordinal);
                continue;
            }
            if (schemas[name] is OpenApiSchema { Properties.Count: > 0 } schema)
                schema.Required = new SortedSet<string>(schema.Properties.Keys, StringComparer.Ordinal);
        }
    }

    private static HashSet<string> Reachable(IDictionary<string, IOpenApiSchema> schemas, IEnumerable<IOpenApiSchema?> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (schema is OpenApiSchemaReference reference)
            {
                var id = reference.Reference.Id;
                if (id is null || !seen.Add(id) || !schemas.TryGetValue(id, out var target)) continue;
                schema = target;
            }
            foreach (var child in Children(schema)) pending.Push(child);
        }
        return seen;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema)
    {
        if (schema.Items is not null) yield return schema.Items;
        if (schema.AdditionalProperties is not null) yield return schema.AdditionalProperties;
        foreach (var list in new[] { schema.AllOf, schema.AnyOf, schema.OneOf })
            foreach (var child in list ?? []) yield return child;
        foreach (var child in schema.Properties?.Values.AsEnumerable() ?? []) yield return child;
    }
}

/// <summary>
/// The health probes (<c>GET /health/live</c>, <c>GET /health/ready</c>) are part of the contract but mapped by the
/// health-check middleware, which the API explorer does not see: documented here, anonymous (<c>security: []</c>),
/// answering <c>text/plain</c> <c>Healthy</c> or (readiness only) 503 <c>Unhealthy</c> with <c>Retry-After</c>.
/// </summary>
internal sealed class HealthProbes : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Paths["/health/live"] = Probe(swaggerDoc, "Liveness", "Whether the process answers (no dependency is checked).", ready: false);
        swaggerDoc.Paths["/health/ready"] = Probe(swaggerDoc, "Readiness", "Whether PostgreSQL answers (from a result at most a second old).", ready: true);
    }

    private static OpenApiPathItem Probe(OpenApiDocument document, string name, string summary, bool ready)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = Text("Healthy.", "Healthy", retryAfter: false),
            // Every route, the probes too, refuses an over-long query value or correlation id (RequestContextMiddleware).
            ["400"] = new OpenApiResponse
            {
                Description = "validation-failed: a query value or X-Correlation-Id too long.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                },
            },
        };
        if (ready) responses["503"] = Text("PostgreSQL does not answer.", "Unhealthy", retryAfter: true);
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = name,
                    Summary = summary,
                    Tags = new HashSet<OpenApiTagReference> { new("Health") },
                    Security = [],
                    Responses = responses,
                },
            },
        };
    }

    private static OpenApiResponse Text(string description, string value, bool retryAfter) => new()
    {
        Description = description,
        Headers = retryAfter ? new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = OpenApiSetup.RetryAfterHeader() } : null,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create(value)], MaxLength = 9 } },
        },
    };
}

/// <summary>
/// Bounds the objects with open keys: a map keyed by an enum has at most one member per value (<c>maxProperties</c>),
/// and a problem at most its standard members and extensions (type, title, status, detail, instance, code, errors).
/// </summary>
internal sealed class OpenKeyBounds : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.Type is null) return;
        if (context.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
        {
            concrete.MaxProperties = 10;
            return;
        }
        var dictionary = context.Type.GetInterfaces().Append(context.Type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary?.GetGenericArguments()[0] is { IsEnum: true } key) concrete.MaxProperties = Enum.GetNames(key).Length;
    }
}
