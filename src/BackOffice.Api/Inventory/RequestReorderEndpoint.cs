using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/reorders</c>: requests a reorder by hand.</summary>
public static class RequestReorderEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Quantity">Units to order (≥ 1).</param>
    public sealed record Request(int? Quantity) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(20);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Quantity).NotNull();
            RuleFor(r => r.Quantity).Within(1, Bounds.Quantity);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/reorders", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<SupplyItem>(id,
                    item => item.RequestReorder(new RequestReorder(body.Quantity!.Value), request.Decision(time)),
                    ReorderResponse.From))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("RequestReorder")
            .WithSummary("Request a reorder")
            .WithDescription("409 reorder-already-open while one is open; 409 supply-item-discontinued on a discontinued item.")
            .Produces<ReorderResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
