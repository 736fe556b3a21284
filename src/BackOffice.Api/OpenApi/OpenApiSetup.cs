using BackOffice.Api.Idempotency;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>The OpenAPI document (Swashbuckle): both security schemes, the contract's headers, problem responses.</summary>
public static class OpenApiSetup
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Inventory"] = "Office supplies: stock levels, receipts, issues, counts and reorders.",
        ["Recruiting"] = "Job openings, candidates, interviews and offers.",
        ["People"] = "Departments and employees.",
        ["Ledger"] = "Chart of accounts and journal entries.",
        ["Equipment"] = "Devices, fault tickets and maintenance.",
        ["Audit"] = "Audit trail, exports and tamper evidence.",
        ["PersonalData"] = "Subject access and erasure.",
        ["Dashboards"] = "Read models for people who look rather than read.",
        ["Health"] = "Liveness and readiness probes (anonymous, not rate limited).",
    };

    /// <summary>Registers the generator.</summary>
    public static IServiceCollection AddBackOfficeOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "BackOffice API",
                Version = "v1",
                Description = "Event-sourced back office: inventory, recruiting, people, ledger, equipment and audit. "
                    + "Errors are RFC 9457 problem details with a stable `code`. Commands accept `If-Match`, `Idempotency-Key`, "
                    + "`X-Reason` and `X-Correlation-Id`; every command answer and single-resource read carries `ETag`.",
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://example.com/backoffice/license") },
            });
            // x-internal false: the API is meant for integrators outside the organisation's own code (OWASP API9).
            o.AddServer(new OpenApiServer
            {
                Url = "/",
                Description = "This deployment (production, staging or local: the host that serves this document)",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            });
            o.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "A key bound to a user, a tenant and roles.",
            });
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the configured authority, for the configured issuer and audience, with sub (the user), tenant (non-empty) and role claims. "
                    + "Validated per RFC8725 (JWT best current practices): algorithms pinned (never none), issuer, audience, signature and expiry required.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            o.SupportNonNullableReferenceTypes();
            // Money is decimal end to end: generated clients read "format: decimal" as their decimal type, never double.
            o.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            o.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            o.CustomSchemaIds(SchemaId);
            var xml = Path.Combine(AppContext.BaseDirectory, "BackOffice.Api.xml");
            if (File.Exists(xml)) o.IncludeXmlComments(xml);
            o.OperationFilter<ContractHeaders>();
            o.SchemaFilter<ExampleSchemaFilter>();
            o.SchemaFilter<DecimalSchemaFilter>();
            o.SchemaFilter<NullableReferenceProperties>();
            o.SchemaFilter<ValidatorBounds>();
            o.SchemaFilter<OpenKeyBounds>();
            o.SchemaFilter<ProblemMembers>();
            o.OperationFilter<QueryParameterBounds>();
            o.DocumentFilter<HealthProbes>();
            o.DocumentFilter<ResponseMembersRequired>();
            o.DocumentFilter<TagsWithDescriptions>();
        });
        return services;
    }

    private sealed class TagsWithDescriptions : IDocumentFilter
    {
        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            var used = swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(op => op.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal);
            swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
            {
                Name = name,
                Description = name is not null && TagDescriptions.TryGetValue(name, out var d) ? d : name,
            }));
        }
    }

    /// <summary><c>Retry-After</c>: whole seconds, on 429 (the rate limit's window) and 503.</summary>
    internal static OpenApiHeader RetryAfterHeader() => new()
    {
        Description = "Seconds to wait before retrying.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "86400" },
    };

    /// <summary>
    /// Documents the contract's request headers on commands and, on the answers, the response headers the API sends:
    /// <c>X-Correlation-Id</c> (always), <c>ETag</c> (2xx), <c>Location</c> (201, 202), <c>Idempotency-Replayed</c>
    /// (commands), <c>Retry-After</c> (429, 503), <c>X-RateLimit-Limit</c> / <c>X-RateLimit-Remaining</c> (every
    /// <c>/api</c> answer); and the problems every command can answer whatever its own: 409 and 422 (idempotency) and
    /// 413 (body over 1 MiB).
    /// </summary>
    private sealed class ContractHeaders : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var method = context.ApiDescription.HttpMethod ?? "GET";
            var command = method is "POST" or "PUT" or "PATCH" or "DELETE";
            var limited = context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) ?? false;
            operation.Parameters ??= [];
            operation.Parameters.Add(Header(RequestContext.CorrelationHeader, "Correlation id (≤ 100 chars), echoed on the response; generated when absent.", 100));
            if (command)
            {
                operation.Parameters.Add(Header("If-Match", "Apply only when the resource is at this version (ETag \"N\"); else 412.", 30));
                operation.Parameters.Add(Header(IdempotencyMiddleware.Header, "1–200 printable characters; a retry with the same key and body replays the first answer.", 200));
                operation.Parameters.Add(Header(RequestContext.ReasonHeader, "Audit reason stored with the events (≤ 500 chars, no control characters, no personal data).", 500));
                // Every route that takes Idempotency-Key can answer these two, whatever its own problems are; every body can be too large.
                operation.Responses ??= [];
                ProblemResponse(operation, context, "409", "idempotency-key-in-flight: the first request with this Idempotency-Key is still running (or another conflict of the route).");
                ProblemResponse(operation, context, "422", "idempotency-key-reused: this Idempotency-Key was used with another body.");
                ProblemResponse(operation, context, "413", "payload-too-large: the body is over 1 MiB.");
            }
            if (operation.Responses is null) return;
            foreach (var (status, response) in operation.Responses)
            {
                if (response is not OpenApiResponse concrete) continue;
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[RequestContext.CorrelationHeader] = new OpenApiHeader { Description = "The request's correlation id.", Schema = Text(100) };
                if (status.StartsWith('2'))
                    concrete.Headers["ETag"] = new OpenApiHeader { Description = "The stream version, \"N\".", Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 22, Pattern = "^\"[0-9]+\"$" } };
                if (status is "429" or "503")
                    concrete.Headers["Retry-After"] = RetryAfterHeader();
                if (status is "201" or "202")
                    concrete.Headers["Location"] = new OpenApiHeader { Description = "The new resource.", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 200 } };
                if (status == "200" && concrete.Content?.Keys.Any(k => k.StartsWith("text/", StringComparison.Ordinal) || k.Contains("ndjson", StringComparison.Ordinal)) == true)
                    concrete.Headers["Content-Disposition"] = new OpenApiHeader { Description = "attachment; filename=… (a file to save).", Schema = Text(200) };
                if (command)
                    concrete.Headers["Idempotency-Replayed"] = new OpenApiHeader { Description = "true when this answer replays the first answer to the same Idempotency-Key.", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] } };
                if (limited)
                {
                    concrete.Headers["X-RateLimit-Limit"] = new OpenApiHeader { Description = "Requests allowed per window to these credentials (BackOffice:RateLimit).", Schema = Count() };
                    concrete.Headers["X-RateLimit-Remaining"] = new OpenApiHeader { Description = "Requests left in the current window.", Schema = Count() };
                }
            }
        }

        private static OpenApiSchema Text(int maxLength) => new() { Type = JsonSchemaType.String, MaxLength = maxLength };

        private static OpenApiSchema Count() => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "2147483647" };

        private static void ProblemResponse(OpenApiOperation operation, OperationFilterContext context, string status, string description)
        {
            if (operation.Responses!.ContainsKey(status)) return;
            var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
            };
        }

        private static OpenApiParameter Header(string name, string description, int maxLength) => new()
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = Text(maxLength),
        };
    }

    /// <summary>
    /// A schema id made of letters and digits only, named after what the schema is and a function of its type alone
    /// (stable whatever routes are added): the type's own name (<c>SupplyItemView</c>, <c>ReorderStatus</c>,
    /// <c>ProblemDetails</c>), prefixed with its endpoint's name when the name alone says nothing
    /// (<c>IssueStockEndpoint.Request</c> → <c>IssueStockRequest</c>, <c>GetInventoryDashboardEndpoint.Dashboard</c> →
    /// <c>InventoryDashboard</c>); generics read <c>PageOfListReordersItem</c>. No dots: generators (NSwag, Kiota) name
    /// their classes after the last dotted segment and number the clashes by position (ADR 21). Two types with one id
    /// fail the document's generation.
    /// </summary>
    private static string SchemaId(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.GetGenericTypeDefinition().Name;
            return name[..name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaId));
        }
        if (type.DeclaringType is not { } owner || !AmbiguousNames.Contains(type.Name)) return type.Name;
        var stem = owner.Name;
        foreach (var suffix in (string[])["Endpoints", "Endpoint"])
            if (stem.EndsWith(suffix, StringComparison.Ordinal)) { stem = stem[..^suffix.Length]; break; }
        if (stem.Length > 3 && stem.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(stem[3])) stem = stem[3..];
        return stem.EndsWith(type.Name, StringComparison.Ordinal) ? stem : stem + type.Name;
    }

    /// <summary>Nested type names that say nothing without their endpoint's name.</summary>
    private static readonly HashSet<string> AmbiguousNames = new(StringComparer.Ordinal)
    {
        "Request", "Response", "Item", "Dashboard", "Line", "Entry", "History", "Node", "Settings", "Level", "Group", "Month", "Gap",
    };
}
