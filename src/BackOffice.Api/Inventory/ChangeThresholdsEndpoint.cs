using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>PUT /api/supply-items/{id}/thresholds</c>: changes the reorder point, reorder quantity and par level.</summary>
public static class ChangeThresholdsEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="ReorderPoint">≥ 0.</param>
    /// <param name="ReorderQuantity">≥ 1.</param>
    /// <param name="ParLevel">≥ reorderPoint; absent or null removes it.</param>
    public sealed record Request(int? ReorderPoint, int? ReorderQuantity, int? ParLevel) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(10, 40, 60);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ReorderPoint).NotNull();
            RuleFor(r => r.ReorderQuantity).NotNull();
            RuleFor(r => r.ReorderPoint).Within(0, Bounds.Quantity);
            RuleFor(r => r.ReorderQuantity).Within(1, Bounds.Quantity);
            RuleFor(r => r.ParLevel).Within(0, Bounds.Quantity);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/supply-items/{id:guid}/thresholds", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<SupplyItem>(id,
                    item => item.ChangeThresholds(new ChangeReorderThresholds(body.ReorderPoint!.Value, body.ReorderQuantity!.Value, body.ParLevel),
                        request.Decision(time)),
                    ReorderResponse.From))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("ChangeReorderThresholds")
            .WithSummary("Change reorder thresholds")
            .WithDescription("Raising the reorder point to or above the stock position raises a reorder (reorderId) when none is open.")
            .Produces<ReorderResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
