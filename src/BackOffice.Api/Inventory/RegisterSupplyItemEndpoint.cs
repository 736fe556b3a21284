using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items</c>: registers a supply item.</summary>
public static class RegisterSupplyItemEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Sku">1–64 characters, unique per tenant.</param>
    /// <param name="Name">1–200 characters.</param>
    /// <param name="Unit">box, ream, each…</param>
    /// <param name="Category">paper, toner…</param>
    /// <param name="Location">Shelf location.</param>
    /// <param name="ReorderPoint">≥ 0.</param>
    /// <param name="ReorderQuantity">≥ 1.</param>
    /// <param name="ParLevel">≥ reorderPoint, optional.</param>
    public sealed record Request(string? Sku, string? Name, string? Unit, string? Category, string? Location,
        int? ReorderPoint, int? ReorderQuantity, int? ParLevel) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("PAP-A4", "A4 copier paper, 80 g", "ream", "paper", "Store room B, shelf 1", 5, 20, 30);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Sku).NotNull();
            RuleFor(r => r.Name).NotNull();
            RuleFor(r => r.Unit).NotNull();
            RuleFor(r => r.Category).NotNull();
            RuleFor(r => r.Location).NotNull();
            RuleFor(r => r.ReorderPoint).NotNull();
            RuleFor(r => r.ReorderQuantity).NotNull();
            RuleFor(r => r.Sku).MaxChars(64);
            RuleFor(r => r.Name).MaxChars(Bounds.Text);
            RuleFor(r => r.Unit).MaxChars(50);
            RuleFor(r => r.Category).MaxChars(100);
            RuleFor(r => r.Location).MaxChars(Bounds.Text);
            RuleFor(r => r.ReorderPoint).Within(0, Bounds.Quantity);
            RuleFor(r => r.ReorderQuantity).Within(1, Bounds.Quantity);
            RuleFor(r => r.ParLevel).Within(0, Bounds.Quantity);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items", (Request body, CommandExecutor executor) =>
            {
                var id = Guid.CreateVersion7();
                return executor.Start<SupplyItem>(id,
                    () => SupplyItem.Register(new RegisterSupplyItem(id, body.Sku!, body.Name!, body.Unit!, body.Category!, body.Location!,
                        body.ReorderPoint!.Value, body.ReorderQuantity!.Value, body.ParLevel)),
                    result => Responses.Created("supply-items", result));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("RegisterSupplyItem")
            .WithSummary("Register a supply item")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status409Conflict);
}
