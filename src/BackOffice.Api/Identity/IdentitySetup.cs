using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace BackOffice.Api.Identity;

/// <summary>API keys and JWT bearer tokens, and the role policies.</summary>
public static class IdentitySetup
{
    private const string Selector = "ApiKeyOrBearer";

    /// <summary>The JWT claim naming the acting user (never the display name).</summary>
    public const string SubjectClaim = "sub";

    /// <summary>Signature algorithms accepted from an authority (asymmetric only).</summary>
    public static readonly IReadOnlyList<string> AuthorityAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>
    /// Registers authentication (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) and authorization. Bearer tokens
    /// must name the configured issuer and audience (both required), be signed with a pinned algorithm, and carry a
    /// non-empty <c>sub</c> (the user) and <c>tenant</c>; a symmetric signing key (<c>BackOffice:Jwt:SigningKey</c>) is
    /// accepted in Development only (tests run as Development).
    /// </summary>
    public static IServiceCollection AddBackOfficeIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.Configure<ApiKeyOptions>(configuration.GetSection("BackOffice:ApiKeys"));
        var jwt = configuration.GetSection("BackOffice:Jwt");
        var authority = jwt["Authority"] is { Length: > 0 } a ? a : null;
        var signingKey = jwt["SigningKey"] is { Length: > 0 } k ? k : null;
        if (signingKey is not null && !environment.IsDevelopment())
            throw new InvalidOperationException("BackOffice:Jwt:SigningKey (a symmetric key) is for Development and tests only: configure BackOffice:Jwt:Authority.");
        if (signingKey is { Length: < 32 })
            throw new InvalidOperationException("BackOffice:Jwt:SigningKey must be at least 32 characters.");
        if ((authority is not null || signingKey is not null) && (string.IsNullOrWhiteSpace(jwt["Issuer"]) || string.IsNullOrWhiteSpace(jwt["Audience"])))
            throw new InvalidOperationException("Bearer tokens need both BackOffice:Jwt:Issuer and BackOffice:Jwt:Audience.");

        services.AddAuthentication(Selector)
            // The web console (/console) authenticates with its session cookie only; every other route never reads it.
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = http =>
                WebConsole.ConsoleSetup.IsConsole(http) ? WebConsole.ConsoleSetup.Scheme
                : http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Authority = authority;
                o.Audience = jwt["Audience"];
                o.RequireHttpsMetadata = jwt.GetValue("RequireHttpsMetadata", true);
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = SubjectClaim,
                    RoleClaimType = "role",
                    ValidateIssuer = true,
                    ValidIssuer = jwt["Issuer"] is { Length: > 0 } issuer ? issuer : null,
                    ValidateAudience = true,
                    ValidAudience = jwt["Audience"] is { Length: > 0 } audience ? audience : null,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = signingKey is not null ? [SecurityAlgorithms.HmacSha256] : AuthorityAlgorithms,
                    IssuerSigningKey = signingKey is not null ? new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(signingKey)) : null,
                };
                o.Events = new JwtBearerEvents
                {
                    // The user is the subject and the tenant must be named: a token without either is no credential.
                    OnTokenValidated = context =>
                    {
                        var principal = context.Principal;
                        if (string.IsNullOrWhiteSpace(principal?.FindFirst(SubjectClaim)?.Value))
                            context.Fail("The token has no 'sub' claim.");
                        else if (string.IsNullOrWhiteSpace(principal.FindFirst(Roles.TenantClaim)?.Value))
                            context.Fail("The token has no non-empty 'tenant' claim.");
                        // Database per tenant: a tenant mapped to no database is not served here (ADR 26).
                        else if (!context.HttpContext.RequestServices.GetRequiredService<Hosting.TenantDatabases>().Serves(principal.FindFirst(Roles.TenantClaim)!.Value))
                            context.Fail("The token's tenant is not served by this deployment.");
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization(Roles.AddPolicies);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
