using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/reorders/{reorderId}/cancel</c>: cancels an open reorder (what arrived stays).</summary>
public static class CancelReorderEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Reason">Why (1–500).</param>
    public sealed record Request(string? Reason) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("Supplier out of stock; ordering elsewhere");
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
        app.MapPost("/api/supply-items/{id:guid}/reorders/{reorderId:guid}/cancel",
                (Guid id, Guid reorderId, Request body, CommandExecutor executor) =>
                    executor.Execute<SupplyItem>(id, item => item.Cancel(new CancelReorder(reorderId, body.Reason!)), Responses.Ok))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("CancelReorder")
            .WithSummary("Cancel a reorder")
            .WithDescription("Any open reorder can be cancelled; a received or cancelled one cannot (409 reorder-transition-not-allowed).")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
