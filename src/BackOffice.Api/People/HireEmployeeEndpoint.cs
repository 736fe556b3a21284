using BackOffice.Api.Identity;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;
using FluentValidation;

namespace BackOffice.Api.People;

/// <summary>
/// <c>POST /api/employees</c>: a direct hire (not from a candidate). Name and e-mail go to the personal-data store
/// under a new <c>subjectId</c>, in the same transaction as the <c>employee_hired_v1</c> event.
/// </summary>
public static class HireEmployeeEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Name">Full name (1–200).</param>
    /// <param name="Email">E-mail address.</param>
    /// <param name="Position">Job title (1–200).</param>
    /// <param name="DepartmentId">An existing department (else 404).</param>
    /// <param name="ManagerId">An existing employee, optional (else 404).</param>
    /// <param name="StartDate">First day (yyyy-MM-dd).</param>
    /// <param name="EmploymentType">Permanent (default), FixedTerm or Temporary.</param>
    /// <param name="ContractEndsOn">Last day: required unless permanent.</param>
    /// <param name="Agency">The agency: required for (and only for) a temporary worker.</param>
    public sealed record Request(string? Name, string? Email, string? Position, Guid? DepartmentId, Guid? ManagerId, DateOnly? StartDate,
        EmploymentType? EmploymentType = null, DateOnly? ContractEndsOn = null, string? Agency = null);

    /// <summary>The answer: the new employee and the person's subject id.</summary>
    public sealed record Response(Guid Id, long Version, Guid SubjectId) : CommandResponse(Id, Version);

    /// <summary>The stream type recorded in the subject → stream references.</summary>
    public const string StreamType = "employee";

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotNull();
            RuleFor(r => r.Email).NotNull();
            RuleFor(r => r.Position).NotNull();
            RuleFor(r => r.DepartmentId).NotNull();
            RuleFor(r => r.StartDate).NotNull();
            RuleFor(r => r.Name).MaxChars(Bounds.Text);
            RuleFor(r => r.Email).MaxChars(254);
            RuleFor(r => r.Position).MaxChars(Bounds.Text);
            RuleFor(r => r.Agency).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/employees", (Request body, CommandExecutor executor, IPersonalDataStore personalData, HttpContext http) =>
            {
                var id = Guid.CreateVersion7();
                var subject = Guid.CreateVersion7();
                var name = Guard.Text(body.Name, "name");
                var email = Guard.Email(body.Email, "email");
                return executor.Start<Employee>(id, async session =>
                    {
                        var events = Employee.Hire(new HireEmployee(id, subject, body.Position!, body.DepartmentId!.Value, body.ManagerId, body.StartDate!.Value, null,
                            body.EmploymentType ?? EmploymentType.Permanent, body.ContractEndsOn, body.Agency));
                        var hired = (EmployeeHired)events[0];
                        if (await session.LoadAsync<Department>(hired.DepartmentId, http.RequestAborted).ConfigureAwait(false) is null)
                            throw DomainException.NotFound($"Department {hired.DepartmentId}");
                        if (hired.ManagerId is { } manager && await session.LoadAsync<Employee>(manager, http.RequestAborted).ConfigureAwait(false) is null)
                            throw DomainException.NotFound($"Employee {manager}");
                        return [.. events];
                    },
                    result => TypedResults.Created($"/api/employees/{result.Id}", new Response(result.Id, result.Version, subject)),
                    async (session, _) =>
                    {
                        await personalData.PutAsync(session, subject, new Dictionary<string, string?>
                        {
                            [PersonalFields.Name] = name,
                            [PersonalFields.Email] = email,
                        }, http.RequestAborted).ConfigureAwait(false);
                        personalData.Refer(session, subject, id, StreamType);
                    });
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr))
            .WithName("HireEmployee")
            .WithSummary("Hire an employee directly")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status404NotFound);
}
