using Microsoft.OpenApi;

namespace BackOffice.Api.Http;

/// <summary>The OpenAPI document (Swashbuckle) with both security schemes.</summary>
public static class OpenApiSetup
{
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
                Description = "Event-sourced back office: inventory, recruiting, people, ledger, equipment and audit.",
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
                Description = "A JWT with sub or name, tenant and role claims.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("ApiKey", document)] = [],
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(SchemaId);
        });
        return services;
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
