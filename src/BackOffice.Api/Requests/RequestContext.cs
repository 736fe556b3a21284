using System.Security.Claims;
using BackOffice.Api.Identity;
using BackOffice.Domain.Common;

using BackOffice.Api.Idempotency;

namespace BackOffice.Api.Requests;

/// <summary>
/// Who acts, for which tenant, under which correlation id and audit reason. Filled once per request by
/// <see cref="RequestContextMiddleware"/> from the credentials and headers, never from the body.
/// </summary>
public sealed class RequestContext
{
    /// <summary>Header carrying the correlation id.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";
    /// <summary>Header carrying the audit reason.</summary>
    public const string ReasonHeader = "X-Reason";

    /// <summary>Acting user's name.</summary>
    public string User { get; internal set; } = "";
    /// <summary>Tenant id.</summary>
    public string Tenant { get; internal set; } = "";
    /// <summary>Correlation id, accepted from <see cref="CorrelationHeader"/> or generated.</summary>
    public string CorrelationId { get; internal set; } = "";
    /// <summary>Audit reason from <see cref="ReasonHeader"/>.</summary>
    public string? Reason { get; internal set; }
    /// <summary>An id for the command this request carries: the causation id of the events it appends.</summary>
    public string CommandId { get; } = Guid.CreateVersion7().ToString();
    /// <summary>The request's idempotency scope and body hash, when it sent <c>Idempotency-Key</c>.</summary>
    public IdempotencyRequest? Idempotency { get; internal set; }
    /// <summary>Roles held.</summary>
    public IReadOnlySet<string> Roles { get; internal set; } = new HashSet<string>();

    /// <summary>True when the user holds <paramref name="role"/> or admin.</summary>
    public bool Holds(string role) => Roles.Contains(role) || Roles.Contains(Identity.Roles.Admin);

    /// <summary>A decision context for this request's user at <paramref name="time"/>'s now.</summary>
    public DecisionContext Decision(TimeProvider time) => DecisionContext.For(User, time);

    internal void SetPrincipal(ClaimsPrincipal principal)
    {
        // API keys name their user; bearer tokens' name claim type is 'sub' (IdentitySetup): never a display name.
        User = principal.Identity?.Name ?? "";
        Tenant = principal.FindFirstValue(Identity.Roles.TenantClaim) ?? "";
        var roleType = (principal.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        Roles = principal.FindAll(roleType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
    }
}
