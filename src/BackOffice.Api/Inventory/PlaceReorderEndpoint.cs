using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/reorders/{reorderId}/place</c>: places an approved reorder with a supplier.</summary>
public static class PlaceReorderEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Supplier">Supplier name (1–200).</param>
    /// <param name="ExpectedOn">Expected delivery day (<c>yyyy-MM-dd</c>, not in the past), optional.</param>
    public sealed record Request(string? Supplier, DateOnly? ExpectedOn) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("Office Depot", new DateOnly(2026, 12, 4));
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Supplier).NotNull();
            RuleFor(r => r.Supplier).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/reorders/{reorderId:guid}/place",
                (Guid id, Guid reorderId, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                    executor.Execute<SupplyItem>(id,
                        item => item.Place(new PlaceReorder(reorderId, body.Supplier!, body.ExpectedOn), request.Decision(time)),
                        Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("PlaceReorder")
            .WithSummary("Place a reorder with a supplier")
            .WithDescription("Only an Approved reorder can be placed (409 reorder-transition-not-allowed).")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
