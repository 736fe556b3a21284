using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/discontinue</c>: no more receipts or reorders; what is left can still be issued.</summary>
public static class DiscontinueSupplyItemEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why (1–500 characters).</param>
    public sealed record Request(string? Reason) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("Replaced by recycled paper");
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Reason).MaxChars(Bounds.Reason);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/discontinue", (Guid id, Request body, CommandExecutor executor) =>
                executor.Execute<SupplyItem>(id, item => item.Discontinue(new DiscontinueSupplyItem(body.Reason!)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("DiscontinueSupplyItem")
            .WithSummary("Discontinue a supply item")
            .WithDescription("An open reorder is cancelled with it. Discontinuing again changes nothing (same version).")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
