using BackOffice.Api.Identity;
using BackOffice.Domain.Inventory;
using FluentValidation;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/issues</c>: takes stock off the shelf, raising a reorder when it crosses the reorder point.</summary>
public static class IssueStockEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Quantity">≥ 1, at most what is on hand.</param>
    /// <param name="DepartmentId">Receiving department (or employeeId).</param>
    /// <param name="EmployeeId">Receiving employee (or departmentId).</param>
    /// <param name="Purpose">What it is for.</param>
    public sealed record Request(int? Quantity, Guid? DepartmentId, Guid? EmployeeId, string? Purpose) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new(3, Guid.Parse("01a2213c-8175-7fa4-ba17-7c3e322f96f2"), null, "Quarterly reports");
    }

    /// <summary>The answer: <c>reorderId</c> is set when this issue raised a reorder.</summary>
    /// <param name="Id">Supply item id.</param>
    /// <param name="Version">Stream version.</param>
    /// <param name="ReorderId">The reorder this issue raised, if any.</param>
    public sealed record Response(Guid Id, long Version, Guid? ReorderId) : CommandResponse(Id, Version);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Quantity).NotNull();
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/issues", (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time) =>
                executor.Execute<SupplyItem>(id,
                    item => item.Issue(new IssueStock(body.Quantity!.Value, body.DepartmentId, body.EmployeeId, body.Purpose), request.Decision(time)),
                    result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<ReorderRaised>()?.ReorderId))))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("IssueStock")
            .WithSummary("Issue stock")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
