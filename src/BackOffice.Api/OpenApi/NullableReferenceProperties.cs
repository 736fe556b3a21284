using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// Marks a property nullable when its C# type is a nullable reference to another schema (<c>OfferView? Offer</c>):
/// Swashbuckle emits a bare <c>$ref</c>, which says "never null", and a generated client throws on the null the
/// API then answers (a caller without hr gets <c>"offer": null</c>). Emitted as <c>type: object, nullable: true, allOf: [$ref]</c> (OpenAPI 3.0 wants a type beside nullable).
/// </summary>
internal sealed class NullableReferenceProperties : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null) return;
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!concrete.Properties.TryGetValue(name, out var property) || property is not OpenApiSchemaReference reference) continue;
            if (member.PropertyType.IsValueType || Nullability.Create(member).ReadState != NullabilityState.Nullable) continue;
            concrete.Properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Object | JsonSchemaType.Null, Description = reference.Description };
        }
    }
}
