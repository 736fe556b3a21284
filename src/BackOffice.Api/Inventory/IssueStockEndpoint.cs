using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.Inventory;
using BackOffice.Domain.People;
using FluentValidation;
using Marten;

namespace BackOffice.Api.Inventory;

/// <summary><c>POST /api/supply-items/{id}/issues</c>: takes stock off the shelf, raising a reorder when it crosses the reorder point.</summary>
public static class IssueStockEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Quantity">≥ 1, at most what is on hand.</param>
    /// <param name="DepartmentId">Receiving department (or employeeId); must exist in your tenant.</param>
    /// <param name="EmployeeId">Receiving employee (or departmentId); must exist in your tenant.</param>
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
        public Validator()
        {
            RuleFor(r => r.Quantity).NotNull();
            RuleFor(r => r.Quantity).Within(1, Bounds.Quantity);
            RuleFor(r => r.Purpose).MaxChars(Bounds.Reason);
        }
    }

    /// <summary>The department or employee an issue names must exist in the caller's tenant: 400 naming the field otherwise.</summary>
    private static async Task RequireExisting(IDocumentStore store, RequestContext request, Request body, CancellationToken cancellation)
    {
        if (body.DepartmentId is null && body.EmployeeId is null) return;
        await using var session = store.QuerySession(request);
        if (body.DepartmentId is { } department && await session.LoadAsync<Department>(department, cancellation).ConfigureAwait(false) is null)
            throw DomainException.Invalid("departmentId", "'departmentId' names no department of your tenant.");
        if (body.EmployeeId is { } employee && await session.LoadAsync<Employee>(employee, cancellation).ConfigureAwait(false) is null)
            throw DomainException.Invalid("employeeId", "'employeeId' names no employee of your tenant.");
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/supply-items/{id:guid}/issues", async (Guid id, Request body, CommandExecutor executor, RequestContext request, TimeProvider time,
                IDocumentStore store, HttpContext http) =>
            {
                await RequireExisting(store, request, body, http.RequestAborted).ConfigureAwait(false);
                return await executor.Execute<SupplyItem>(id,
                    item => item.Issue(new IssueStock(body.Quantity!.Value, body.DepartmentId, body.EmployeeId, body.Purpose), request.Decision(time)),
                    result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<ReorderRaised>()?.ReorderId))).ConfigureAwait(false);
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("IssueStock")
            .WithSummary("Issue stock")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
