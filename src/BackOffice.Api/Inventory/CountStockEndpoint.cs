using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/counts</c>: records a cycle count; a count that differs from the book needs a reason.</summary>
public static class CountStockEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="CountedQuantity">Units on the shelf (≥ 0).</param>
    /// <param name="Reason">Why the count differs from onHand (required when it does).</param>
    public sealed record Request(int? CountedQuantity, string? Reason) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(18, "Two reams found water-damaged");
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CountedQuantity).NotNull();
            RuleFor(r => r.CountedQuantity).Within(0, Bounds.Quantity);
            RuleFor(r => r.Reason).MaxChars(Bounds.Reason);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/counts", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<SupplyItem>(id,
                    item => item.Count(new CountStock(body.CountedQuantity!.Value, body.Reason), request.Decision(time)),
                    ReorderResponse.From))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("CountStock")
            .WithSummary("Record a cycle count")
            .WithDescription("The difference with onHand is recorded as the variance; a count that differs needs a reason (409 count-reason-required). " +
                             "A count that takes the stock position to or below the reorder point raises a reorder (reorderId).")
            .Produces<ReorderResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
