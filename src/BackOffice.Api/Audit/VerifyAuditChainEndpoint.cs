using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Projections.Audit;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Audit;

/// <summary>
/// <c>GET /api/audit/verify[?checkpoint=&lt;sequence&gt;:&lt;signature&gt;]</c>: recomputes the caller's tenant's hash chain
/// from the stored events, checks every signed checkpoint (under the key it names) and that none that was due is
/// missing; with <c>checkpoint</c>, also whether the chain still holds a checkpoint the auditor kept from an earlier
/// answer (<c>lastCheckpoint.sequence</c> and <c>lastCheckpoint.signature</c>).
/// </summary>
public static class VerifyAuditChainEndpoint
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/verify", async ([FromQuery] string? checkpoint, IDocumentStore store, HashChainSettings settings, RequestContext request, HttpContext http) =>
            {
                KeptCheckpoint? kept = null;
                if (checkpoint is not null)
                    kept = KeptCheckpoint.Parse(checkpoint)
                        ?? throw DomainException.Invalid("checkpoint", "'checkpoint' must be <sequence>:<signature>, the signature being 64 hex digits.");
                return TypedResults.Ok(await HashChainVerifier.VerifyAsync(store, request.Tenant, settings, kept, http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Auditor))
            .WithName("VerifyAuditChain")
            .WithSummary("Verify the tamper-evident hash chain and its signed checkpoints")
            .WithDescription("checkpoint: a checkpoint kept from an earlier answer, as <sequence>:<signature>; the answer says whether the chain still holds it.")
            .Produces<ChainVerification>()
            .ProducesReadProblems();
}
