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
            o.AddServer(new OpenApiServer { Url = "/", Description = "This deployment" });
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
                Description = "A JWT from the configured authority, for the configured issuer and audience, with sub (the user), tenant (non-empty) and role claims.",
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

    /// <summary>Documents the contract's request headers on commands and the ETag / Retry-After response headers.</summary>
    private sealed class ContractHeaders : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var method = context.ApiDescription.HttpMethod ?? "GET";
            operation.Parameters ??= [];
            operation.Parameters.Add(Header(RequestContext.CorrelationHeader, "Correlation id (≤ 100 chars), echoed on the response; generated when absent.", 100));
            if (method is "POST" or "PUT" or "PATCH" or "DELETE")
            {
                operation.Parameters.Add(Header("If-Match", "Apply only when the resource is at this version (ETag \"N\"); else 412.", 30));
                operation.Parameters.Add(Header(IdempotencyMiddleware.Header, "1–200 printable characters; a retry with the same key and body replays the first answer.", 200));
                operation.Parameters.Add(Header(RequestContext.ReasonHeader, "Audit reason stored with the events (≤ 500 chars, no control characters, no personal data).", 500));
                // Every route that takes Idempotency-Key can answer these two, whatever its own problems are.
                operation.Responses ??= [];
                IdempotencyProblem(operation, context, "409", "idempotency-key-in-flight: the first request with this Idempotency-Key is still running (or another conflict of the route).");
                IdempotencyProblem(operation, context, "422", "idempotency-key-reused: this Idempotency-Key was used with another body.");
            }
            if (operation.Responses is null) return;
            foreach (var (status, response) in operation.Responses)
            {
                if (response is not OpenApiResponse concrete) continue;
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[RequestContext.CorrelationHeader] = new OpenApiHeader { Description = "The request's correlation id.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                if (status.StartsWith('2'))
                    concrete.Headers["ETag"] = new OpenApiHeader { Description = "The stream version, \"N\".", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                if (status is "429" or "503")
                    concrete.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
                if (status == "201")
                    concrete.Headers["Location"] = new OpenApiHeader { Description = "The new resource.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        private static void IdempotencyProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description)
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
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
        };
    }

    /// <summary>A schema id made of letters, digits and dots: <c>Inventory.GetSupplyItemEndpoint.SupplyItemView</c>, <c>Http.PageOfInventory.ListReordersEndpoint.Item</c>.</summary>
    private static string SchemaId(Type type)
    {
        var name = (type.IsGenericType ? type.GetGenericTypeDefinition().FullName! : type.FullName!)
            .Replace("BackOffice.Api.", "", StringComparison.Ordinal).Replace('+', '.');
        if (!type.IsGenericType) return name;
        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaId));
    }
}
