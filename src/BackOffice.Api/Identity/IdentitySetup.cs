using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace BackOffice.Api.Identity;

/// <summary>API keys and JWT bearer tokens, and the role policies.</summary>
public static class IdentitySetup
{
    private const string Selector = "ApiKeyOrBearer";

    /// <summary>Registers authentication (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) and authorization.</summary>
    public static IServiceCollection AddBackOfficeIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiKeyOptions>(configuration.GetSection("BackOffice:ApiKeys"));
        var jwt = configuration.GetSection("BackOffice:Jwt");
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Authority = jwt["Authority"] is { Length: > 0 } authority ? authority : null;
                o.Audience = jwt["Audience"];
                o.RequireHttpsMetadata = jwt.GetValue("RequireHttpsMetadata", true);
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ValidAudience = jwt["Audience"],
                    ValidateAudience = jwt["Audience"] is { Length: > 0 },
                    ValidIssuer = jwt["Issuer"],
                    ValidateIssuer = jwt["Issuer"] is { Length: > 0 },
                    // A symmetric key is for tests and local development only; production uses the authority's keys.
                    IssuerSigningKey = jwt["SigningKey"] is { Length: >= 32 } key
                        ? new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key))
                        : null,
                };
            });
        services.AddAuthorization(Roles.AddPolicies);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
