using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/receipts</c>: records stock arriving.</summary>
public static class ReceiveStockEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Quantity">≥ 1.</param>
    /// <param name="ReorderId">The placed reorder this receipt fulfils, optional.</param>
    /// <param name="UnitCost">≥ 0, at most 2 decimals, optional.</param>
    /// <param name="Currency">The unit cost's ISO 4217 code (3 capital letters), optional, only with a unit cost.</param>
    public sealed record Request(int? Quantity, Guid? ReorderId, decimal? UnitCost, string? Currency = null) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(10, null, 4.25m, "EUR");
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Quantity).NotNull();
            RuleFor(r => r.Currency).Length(3).When(r => r.Currency is not null);
            RuleFor(r => r.Quantity).Within(1, Bounds.Quantity);
            RuleFor(r => r.UnitCost).Within(0m, Bounds.Money);
            RuleFor(r => r.Currency).MaxChars(3);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/receipts", (Guid id, Request body, CommandExecutor executor) =>
                executor.Execute<SupplyItem>(id,
                    item => item.Receive(new ReceiveStock(body.Quantity!.Value, body.ReorderId, body.UnitCost, body.Currency)),
                    Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("ReceiveStock")
            .WithSummary("Receive stock")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
