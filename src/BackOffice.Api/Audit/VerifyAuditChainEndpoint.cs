using BackOffice.Api.Identity;
using BackOffice.Projections.Audit;
using Marten;

namespace BackOffice.Api.Audit;

/// <summary><c>GET /api/audit/verify</c>: recomputes the caller's tenant's hash chain from the stored events.</summary>
public static class VerifyAuditChainEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/verify", async (IDocumentStore store, HashChainSettings settings, RequestContext request, HttpContext http) =>
                TypedResults.Ok(await HashChainVerifier.VerifyAsync(store, request.Tenant, settings, http.RequestAborted).ConfigureAwait(false)))
            .RequireAuthorization(Roles.AnyOf(Roles.Auditor))
            .WithName("VerifyAuditChain")
            .WithSummary("Verify the tamper-evident hash chain and its signed checkpoints")
            .Produces<ChainVerification>()
            .ProducesReadProblems();
}
