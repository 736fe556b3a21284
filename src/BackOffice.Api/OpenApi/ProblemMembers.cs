using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// Declares the problem's two extensions the contract promises (<see cref="Problem.For"/>): <c>code</c>, the stable
/// problem code, and <c>errors</c>, the field errors (field name → messages). Left as open extensions they would reach
/// a generated client as an untyped map; declared, a client reads <c>problem.Code</c> and <c>problem.Errors["quantity"]</c>
/// (ADR 21). Not required: a problem written by the framework itself may lack them.
/// </summary>
internal sealed class ProblemMembers : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.Type != typeof(ProblemDetails)) return;
        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
        concrete.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MaxLength = 100,
            Description = "The stable problem code (e.g. insufficient-stock, validation-failed, version-mismatch).",
        };
        concrete.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Field errors: the request field (camelCase) → its messages.",
            MaxProperties = 100,
            AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                MaxItems = 100,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000 },
            },
        };
    }
}
