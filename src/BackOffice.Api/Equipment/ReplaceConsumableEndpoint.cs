using BackOffice.Api.Identity;
using BackOffice.Api.Workflows;
using BackOffice.Domain.Equipment;
using FluentValidation;

namespace BackOffice.Api.Equipment;

/// <summary>
/// <c>POST /api/devices/{id}/consumables/{supplyItemId}/replace</c>: a consumable was replaced; answers the new
/// <c>replacementId</c>. The stock is issued from Inventory by the consumables workflow (ADR 14) within seconds: the
/// device's replacement then shows <c>Issued</c>, or <c>Refused</c> with the refusal's code (e.g.
/// <c>insufficient-stock</c>) — nothing is issued then, and the replacement can be requested again.
/// </summary>
public static class ReplaceConsumableEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Quantity">Units (≥ 1).</param>
    public sealed record Request(int? Quantity);

    /// <summary>The answer, with the new replacement's id.</summary>
    /// <param name="Id">Device id.</param>
    /// <param name="Version">Stream version.</param>
    /// <param name="ReplacementId">The replacement (see the device's <c>replacements</c>).</param>
    public sealed record Response(Guid Id, long Version, Guid ReplacementId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Quantity).NotNull();
            RuleFor(r => r.Quantity).Within(1, Bounds.Quantity);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/devices/{id:guid}/consumables/{supplyItemId:guid}/replace",
                (Guid id, Guid supplyItemId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time, CommandOutbox outbox) =>
                    executor.Execute<Device>(id, d => d.ReplaceConsumable(new ReplaceConsumable(supplyItemId, body.Quantity!.Value), request.Decision(time)),
                        result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<ConsumableReplacementRequested>()!.ReplacementId)),
                        (session, result) => ConsumablesWorkflow.PublishAsync(outbox, session, request, result)))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.It))
            .WithName("ReplaceDeviceConsumable")
            .WithSummary("Replace a consumable on a device (issues the stock by workflow)")
            .WithDescription("409 not-a-consumable for a supply item the device does not consume. The issue follows by workflow; "
                + "a refusal (e.g. insufficient-stock) is recorded on the device's replacement.")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
