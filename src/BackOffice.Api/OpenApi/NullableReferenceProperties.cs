using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// Marks every property nullable whose C# type can hold null — read from the nullable-reference-type metadata
/// (<see cref="NullabilityInfoContext"/>) and from <see cref="Nullable{T}"/> — whatever Swashbuckle emitted for it:
/// a nullable reference to another schema (<c>OfferView? Offer</c>) or a nullable enum (<c>TerminationReason?</c>)
/// would otherwise be a bare <c>$ref</c>, which says "never null", and a generated client throws on the null the API
/// then answers. Emitted as <c>type: object, nullable: true, oneOf: [$ref]</c> (OpenAPI 3.0 wants a type beside
/// nullable; an enum's wrapper says <c>type: string</c> with the longest name as <c>maxLength</c>); a nullable inline schema gets <c>nullable: true</c>.
/// <c>oneOf</c> rather than <c>allOf</c>: NSwag reads <c>type</c> beside a one-element <c>allOf</c> as a new subclass per
/// property (<c>Offer : OfferView</c>, numbered on clashes), and a one-element <c>oneOf</c> as the referenced type (ADR 21).
/// </summary>
internal sealed class NullableReferenceProperties : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null) return;
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonName(member);
            if (!concrete.Properties.TryGetValue(name, out var property) || !CanBeNull(member)) continue;
            var underlying = Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType;
            switch (property)
            {
                case OpenApiSchemaReference reference:
                    var type = underlying.IsEnum ? JsonSchemaType.String : JsonSchemaType.Object;
                    // An enum's wrapper bounds its string by the longest name (the values themselves are in the $ref).
                    int? maxLength = underlying.IsEnum ? Enum.GetNames(underlying).Max(n => n.Length) : null;
                    concrete.Properties[name] = new OpenApiSchema { OneOf = [reference], Type = type | JsonSchemaType.Null, MaxLength = maxLength, Description = reference.Description };
                    break;
                case OpenApiSchema inline when inline.Type is { } t && !t.HasFlag(JsonSchemaType.Null):
                    inline.Type = t | JsonSchemaType.Null;
                    break;
            }
        }
    }

    /// <summary>The member's name in JSON: its <see cref="JsonPropertyNameAttribute"/>, else camelCase.</summary>
    internal static string JsonName(PropertyInfo member)
        => member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    /// <summary>Whether the property's declared type admits null.</summary>
    internal static bool CanBeNull(PropertyInfo member)
    {
        if (member.PropertyType.IsValueType) return Nullable.GetUnderlyingType(member.PropertyType) is not null;
        return new NullabilityInfoContext().Create(member).ReadState == NullabilityState.Nullable;
    }
}
