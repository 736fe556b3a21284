using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>A request or response type that shows integrators a realistic example of itself in the OpenAPI document.</summary>
/// <typeparam name="TSelf">The type itself.</typeparam>
public interface IExample<out TSelf>
{
    /// <summary>A realistic instance.</summary>
    static abstract TSelf Example { get; }
}

/// <summary>Puts each <see cref="IExample{TSelf}"/> type's example, serialized as the API serializes it, into its schema.</summary>
public sealed class ExampleSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema concrete) return;
        var example = context.Type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExample<>))
            ? context.Type.GetProperty(nameof(IExample<object>.Example), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            : context.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) ? ProblemExample : null;
        if (example is null) return;
        concrete.Examples = [JsonNode.Parse(JsonSerializer.Serialize(example, context.Type, json.Value.SerializerOptions))!];
    }

    private static readonly object ProblemExample = Problem.For(Domain.Common.ErrorCodes.InsufficientStock,
        "Cannot issue 100 ream of PAP-A4: only 7 on hand.", "quantity");
}
