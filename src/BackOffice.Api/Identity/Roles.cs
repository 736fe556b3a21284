using Microsoft.AspNetCore.Authorization;

namespace BackOffice.Api.Identity;

/// <summary>The roles of the HTTP contract, and one authorization policy per role (the role itself or admin).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Clerk = "clerk";
    public const string Manager = "manager";
    public const string Hr = "hr";
    public const string Accountant = "accountant";
    public const string It = "it";
    public const string Auditor = "auditor";
    /// <summary>Another system calling the API: the change feed and webhooks.</summary>
    public const string Integrator = "integrator";

    /// <summary>Every role a tenant's user can hold.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Clerk, Manager, Hr, Accountant, It, Auditor, Integrator];

    /// <summary>Policy name for "any of these roles, or admin".</summary>
    public static string AnyOf(params string[] roles) => "roles:" + string.Join(',', roles.Order(StringComparer.Ordinal));

    /// <summary>Policy for everyone who works in the office: every role but the auditor (and the integrator, a machine).</summary>
    public static readonly string Staff = AnyOf(Clerk, Manager, Hr, Accountant, It);

    /// <summary>Policy for any authenticated user of a tenant.</summary>
    public const string AnyUser = "roles:*";

    /// <summary>Registers the policies the endpoints name. Each later context adds its role sets here.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(AnyUser, p => p.RequireAuthenticatedUser().RequireClaim(TenantClaim));
        string[][] sets =
        [
            [Clerk], [Manager], [Hr], [Accountant], [It], [Auditor], [Hr, Manager], [Hr, Manager, Auditor],
            [Clerk, Manager, Hr, Accountant, It], [Accountant, Auditor], [Integrator], [Integrator, Auditor],
        ];
        foreach (var set in sets)
            options.AddPolicy(AnyOf(set), p => p.RequireAuthenticatedUser().RequireClaim(TenantClaim).RequireRole([.. set, Admin]));
        // A route that forgets its policy is closed, not open: authenticated, of a tenant, holding a role. Health and
        // the OpenAPI document opt out explicitly (AllowAnonymous in Program.cs).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(TenantClaim).RequireRole(All).Build();
    }

    /// <summary>The claim that names the user's tenant.</summary>
    public const string TenantClaim = "tenant";
}
