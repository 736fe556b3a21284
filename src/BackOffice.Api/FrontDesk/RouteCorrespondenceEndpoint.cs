using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.FrontDesk;
using BackOffice.Domain.People;
using FluentValidation;
using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// <c>POST /api/correspondence/{id}/route</c> {employeeId? | departmentId?}: routes or re-routes an item to an employee
/// or a department of the tenant (404 naming the field when it does not exist); the addressee then acknowledges it.
/// </summary>
public static class RouteCorrespondenceEndpoint
{
    /// <summary>Body of the request: exactly one of the two.</summary>
    /// <param name="EmployeeId">The addressed employee.</param>
    /// <param name="DepartmentId">The addressed department.</param>
    public sealed record Request(Guid? EmployeeId, Guid? DepartmentId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.EmployeeId).NotNull().When(r => r.DepartmentId is null)
            .WithMessage("Give 'employeeId' or 'departmentId'.");
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/correspondence/{id:guid}/route", async (Guid id, Request body, CommandExecutor executor, IDocumentStore store,
                RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using (var session = store.QuerySession(request))
                {
                    if (body.EmployeeId is { } employee)
                    {
                        var addressee = await session.LoadAsync<Employee>(employee, http.RequestAborted).ConfigureAwait(false)
                            ?? throw new DomainException(ErrorCodes.NotFound, $"Employee {employee} was not found.", "employeeId");
                        addressee.EnsureAssignable(time.GetUtcNow(), "employeeId");
                    }
                    if (body.DepartmentId is { } department && await session.LoadAsync<Department>(department, http.RequestAborted).ConfigureAwait(false) is null)
                        throw new DomainException(ErrorCodes.NotFound, $"Department {department} was not found.", "departmentId");
                }
                return await executor.Execute<Correspondence>(id, c => c.Route(new RouteCorrespondence(body.EmployeeId, body.DepartmentId), request.Decision(time)),
                    Responses.Ok).ConfigureAwait(false);
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Clerk))
            .WithName("RouteCorrespondence")
            .WithSummary("Route or re-route an item to an employee or a department")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}
