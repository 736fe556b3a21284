using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary><c>POST /api/departments</c>: creates a department, optionally under a parent and with a manager (both must exist: else 404).</summary>
public static class CreateDepartmentEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Name">1–200 characters.</param>
    /// <param name="ParentId">The department it belongs to, optional.</param>
    /// <param name="ManagerId">The employee who manages it, optional.</param>
    public sealed record Request(string? Name, Guid? ParentId, Guid? ManagerId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotNull();
            RuleFor(r => r.Name).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/departments", (Request body, CommandExecutor executor, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                return executor.Start<Department>(id, async session =>
                    {
                        var events = Department.Establish(new CreateDepartment(id, body.Name!, body.ParentId, body.ManagerId));
                        var created = (DepartmentCreated)events[0];
                        if (created.ParentId is { } parent && await session.LoadAsync<Department>(parent, http.RequestAborted).ConfigureAwait(false) is null)
                            throw DomainException.NotFound($"Department {parent}");
                        if (created.ManagerId is { } manager && await session.LoadAsync<Employee>(manager, http.RequestAborted).ConfigureAwait(false) is null)
                            throw DomainException.NotFound($"Employee {manager}");
                        return [.. events];
                    },
                    result => Responses.Created("departments", result));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("CreateDepartment")
            .WithSummary("Create a department")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status404NotFound);
}
