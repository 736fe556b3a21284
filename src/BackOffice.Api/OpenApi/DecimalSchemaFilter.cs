using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// Money is <c>decimal</c> end to end: its schema says <c>type: number, format: decimal</c> (not Swashbuckle's default
/// <c>double</c>), so that generated clients use a decimal type too.
/// </summary>
public sealed class DecimalSchemaFilter : ISchemaFilter
{
    /// <inheritdoc />
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is OpenApiSchema concrete && (context.Type == typeof(decimal) || context.Type == typeof(decimal?)))
            concrete.Format = "decimal";
    }
}
