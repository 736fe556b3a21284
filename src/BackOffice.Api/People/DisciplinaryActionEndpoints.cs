using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.People;

/// <summary>
/// Discipline: <c>POST /api/employees/{id}/disciplinary-actions</c> {level, reason, expiresOn?} (hr, manager; the reason
/// goes to the personal-data store under the employee's subject, never into the event), <c>GET
/// /api/employees/{id}/disciplinary-actions</c> and the tenant's register <c>GET /api/disciplinary-actions</c> (hr,
/// manager, auditor), reasons joined at read time (null once erased).
/// </summary>
public static class DisciplinaryActionEndpoints
{
    /// <summary>Body of the request.</summary>
    /// <param name="Level">VerbalWarning, WrittenWarning, FinalWarning or Suspension.</param>
    /// <param name="Reason">Why (1–2000 characters): kept in the personal-data store.</param>
    /// <param name="ExpiresOn">Last day in force; required for a suspension (the employee is Suspended until then).</param>
    public sealed record Request(DisciplinaryLevel? Level, string? Reason, DateOnly? ExpiresOn);

    /// <summary>The answer, with the new action's id.</summary>
    public sealed record Response(Guid Id, long Version, Guid ActionId) : CommandResponse(Id, Version);

    /// <summary>One disciplinary action.</summary>
    /// <param name="EmployeeId">The employee.</param>
    /// <param name="ActionId">The action.</param>
    /// <param name="Level">Its level.</param>
    /// <param name="Reason">Its reason (null once the person's data was erased).</param>
    /// <param name="IssuedBy">Who issued it.</param>
    /// <param name="IssuedOn">When.</param>
    /// <param name="ExpiresOn">Last day in force, when it expires.</param>
    /// <param name="InForce">Whether it is in force today.</param>
    public sealed record ActionItem(Guid EmployeeId, Guid ActionId, DisciplinaryLevel Level, string? Reason, string IssuedBy, DateOnly IssuedOn, DateOnly? ExpiresOn, bool InForce);

    /// <summary>A list of actions.</summary>
    public sealed record Actions(IReadOnlyList<ActionItem> Items);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Level).NotNull();
            RuleFor(r => r.Reason).NotNull();
            RuleFor(r => r.Reason).MaxChars(2000);
        }
    }

    private static IEnumerable<ActionItem> Items(Employee e, PersonalValues.Held held, DateOnly today)
        => e.DisciplinaryActions.Select(a => new ActionItem(e.Id, a.ActionId, a.Level, held[DisciplinaryAction.ReasonField(a.ActionId)],
            a.IssuedBy, a.IssuedOn, a.ExpiresOn, a.InForceOn(today)));

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/employees/{id:guid}/disciplinary-actions",
                (Guid id, Request body, CommandExecutor executor, IPersonalDataStore personalData, RequestContext request, TimeProvider time, HttpContext http) =>
                    executor.Execute<Employee>(id, e => e.RecordDisciplinaryAction(new RecordDisciplinaryAction(body.Level!.Value, body.Reason!, body.ExpiresOn), request.Decision(time)),
                        result => TypedResults.Ok(new Response(result.Id, result.Version, result.Find<DisciplinaryActionRecorded>()!.ActionId)),
                        async (session, result) =>
                        {
                            var recorded = result.Find<DisciplinaryActionRecorded>()!;
                            await personalData.PutAsync(session, recorded.SubjectId, new Dictionary<string, string?>
                            {
                                [DisciplinaryAction.ReasonField(recorded.ActionId)] = body.Reason!.Trim(),
                            }, http.RequestAborted).ConfigureAwait(false);
                            personalData.Refer(session, recorded.SubjectId, id, HireEmployeeEndpoint.StreamType);
                        }))
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager))
            .WithName("RecordDisciplinaryAction")
            .WithSummary("Record a disciplinary action")
            .WithDescription("hr, manager. A Suspension needs expiresOn (its last day). 409 employee-terminated.")
            .Produces<Response>()
            .ProducesCommandProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

        app.MapGet("/api/employees/{id:guid}/disciplinary-actions", async (Guid id, IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var employee = await session.LoadAsync<Employee>(id, http.RequestAborted).ConfigureAwait(false);
                if (employee is null) return Snapshots.NotFound("Employee", id, null);
                var held = await PersonalValues.OfAsync(session, employee.SubjectId, http.RequestAborted).ConfigureAwait(false);
                return TypedResults.Ok(new Actions([.. Items(employee, held, Employee.DayOf(time.GetUtcNow()))]));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("ListEmployeeDisciplinaryActions")
            .WithSummary("An employee's disciplinary actions (hr, manager, auditor)")
            .Produces<Actions>()
            .ProducesReadProblems();

        app.MapGet("/api/disciplinary-actions", async ([FromQuery] bool? inForce, [FromQuery] Guid? departmentId, IDocumentStore store, RequestContext request,
                TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                IQueryable<Employee> query = session.Query<Employee>();
                if (departmentId is { } department) query = query.Where(e => e.DepartmentId == department);
                var employees = (await query.ToListAsync(http.RequestAborted).ConfigureAwait(false)).Where(e => e.DisciplinaryActions.Count > 0).ToList();
                var held = await PersonalValues.OfAsync(session, employees.Select(e => e.SubjectId), http.RequestAborted).ConfigureAwait(false);
                var today = Employee.DayOf(time.GetUtcNow());
                var items = employees.SelectMany(e => Items(e, held[e.SubjectId], today))
                    .Where(a => inForce is null || a.InForce == inForce)
                    .OrderByDescending(a => a.IssuedOn).ThenBy(a => a.ActionId).ToList();
                return TypedResults.Ok(new Actions(items));
            })
            .RequireAuthorization(Roles.AnyOf(Roles.Hr, Roles.Manager, Roles.Auditor))
            .WithName("ListDisciplinaryActions")
            .WithSummary("The disciplinary register (hr, manager, auditor)")
            .WithDescription("Every disciplinary action of the tenant, the latest first; ?inForce=true|false, ?departmentId= (the employee's current department).")
            .Produces<Actions>()
            .ProducesReadProblems();
    }
}
