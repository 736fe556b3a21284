using BackOffice.Api.Commands;
using Marten;
using Marten.Events;
using BackOffice.Api.People;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.People;

namespace BackOffice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public class EmploymentTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");
    private readonly HttpClient manager = api.As("demo-manager");

    [Fact]
    public async Task A_whole_employment_from_a_temporary_hire_to_a_rehire()
    {
        var agencyDepartment = await hr.Department();
        var department = await hr.Department();
        var boss = await hr.Hire(department);

        // hired as a temporary worker through an agency, contract ending in 20 days
        var e = await hr.Hire(agencyDepartment, employmentType: "Temporary", contractEndsOn: RecruitingApi.Day(20), agency: "Temps & Co");
        e.Version.ShouldBe(2);
        var view = await hr.Employee(e.Id);
        (view.EmploymentType, view.ContractEndsOn, view.Agency, view.Status).ShouldBe((EmploymentType.Temporary, DateOnly.Parse(RecruitingApi.Day(20)), "Temps & Co", EmployeeStatus.Active));
        var ending = await (await hr.GetAsync("/api/employees/contracts-ending")).ShouldBe<ListContractsEndingEndpoint.Contracts>(200);
        var mine = ending.Items.Where(i => i.EmployeeId == e.Id).ShouldHaveSingleItem();   // no other test's contract ends in exactly these terms
        (mine.DaysLeft, mine.Name, mine.Agency).ShouldBe((20, e.Name, "Temps & Co"));

        // transfer under a manager
        await hr.PostJson($"/api/employees/{e.Id}/transfer", new { departmentId = department, managerId = boss.Id }).Ok();
        view = await hr.Employee(e.Id);
        (view.DepartmentId, view.ManagerId).ShouldBe((department, (Guid?)boss.Id));
        await hr.PostJson($"/api/employees/{e.Id}/position", new { position = "Senior clerk" }).Ok();
        (await hr.Employee(e.Id)).Position.ShouldBe("Senior clerk");

        // train and complete a certification that expires within 30 days
        var assigned = await (await hr.PostJson($"/api/employees/{e.Id}/trainings", new { course = "Fire safety", dueOn = RecruitingApi.Day(10) }))
            .ShouldBe<AssignTrainingEndpoint.Response>(200);
        var trainings = await (await hr.GetAsync($"/api/employees/{e.Id}/trainings")).ShouldBe<ListTrainingsEndpoints.EmployeeTrainings>(200);
        trainings.Items.ShouldHaveSingleItem().Status.ShouldBe(TrainingStatus.Due);
        await hr.PostJson($"/api/employees/{e.Id}/trainings/{assigned.TrainingId}/complete", new { completedOn = RecruitingApi.Day(0), validUntil = RecruitingApi.Day(25) }).Ok();
        trainings = await (await hr.GetAsync($"/api/employees/{e.Id}/trainings")).ShouldBe<ListTrainingsEndpoints.EmployeeTrainings>(200);
        trainings.Items.ShouldHaveSingleItem().Status.ShouldBe(TrainingStatus.Expiring);
        await hr.PostJson($"/api/employees/{boss.Id}/trainings", new { course = "First aid", dueOn = RecruitingApi.Day(-1) }).Ok<AssignTrainingEndpoint.Response>();
        var compliance = await (await hr.GetAsync($"/api/departments/{department}/trainings")).ShouldBe<ListTrainingsEndpoints.DepartmentTrainings>(200);
        compliance.Compliance.ShouldBe(new ListTrainingsEndpoints.Compliance(0, 0, 1, 1, 0));
        compliance.Attention.Select(t => t.Course).ShouldBe(["First aid", "Fire safety"]);
        await (await hr.PostJson($"/api/employees/{e.Id}/trainings/{assigned.TrainingId}/complete", new { completedOn = RecruitingApi.Day(0) })).ShouldBeProblem(409, "training-already-completed");
        await (await hr.PostJson($"/api/employees/{e.Id}/trainings/{Guid.NewGuid()}/complete", new { completedOn = RecruitingApi.Day(0) })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson($"/api/employees/{e.Id}/trainings", new { course = "X" })).ShouldBeProblem(400, "validation-failed");

        // written warning (a manager), dismissal refused, final warning (hr), dismissal accepted
        var written = "Written: late filing " + RecruitingApi.Tag();
        await (await manager.PostJson($"/api/employees/{e.Id}/disciplinary-actions", new { level = "WrittenWarning", reason = written })).ShouldBe<DisciplinaryActionEndpoints.Response>(200);
        await (await hr.PostJson($"/api/employees/{e.Id}/terminate", new { reason = "Dismissal", effectiveOn = RecruitingApi.Day(0) })).ShouldBeProblem(409, "final-warning-required");
        var final = "Final: repeated late filing " + RecruitingApi.Tag();
        var finalWarning = await (await hr.PostJson($"/api/employees/{e.Id}/disciplinary-actions", new { level = "FinalWarning", reason = final, expiresOn = RecruitingApi.Day(90) }))
            .ShouldBe<DisciplinaryActionEndpoints.Response>(200);
        var actions = await (await hr.GetAsync($"/api/employees/{e.Id}/disciplinary-actions")).ShouldBe<DisciplinaryActionEndpoints.Actions>(200);
        actions.Items.Select(a => (a.Level, a.Reason, a.IssuedBy, a.InForce)).ShouldBe([
            (DisciplinaryLevel.WrittenWarning, written, "demo-manager", true), (DisciplinaryLevel.FinalWarning, final, "demo-hr", true)]);
        actions.Items[1].ActionId.ShouldBe(finalWarning.ActionId);
        (await DatabaseDump.AllTextAsync(ApiFixture.AllDatabases)).Split('\n').Where(l => l.Contains("mt_events", StringComparison.Ordinal))
            .ShouldAllBe(l => !l.Contains(final));
        var terminated = await hr.PostJson($"/api/employees/{e.Id}/terminate", new { reason = "Dismissal", effectiveOn = RecruitingApi.Day(0) }).Ok();
        view = await hr.Employee(e.Id);
        (view.Status, view.TerminatedOn, view.TerminationReason).ShouldBe((EmployeeStatus.Terminated, (DateOnly?)DateOnly.Parse(RecruitingApi.Day(0)), (TerminationReason?)TerminationReason.Dismissal));
        (await (await hr.GetAsync("/api/employees/contracts-ending")).ShouldBe<ListContractsEndingEndpoint.Contracts>(200)).Items.ShouldNotContain(i => i.EmployeeId == e.Id);

        // terminated: nothing but rehire
        await (await hr.PostJson($"/api/employees/{e.Id}/position", new { position = "X" })).ShouldBeProblem(409, "employee-terminated");
        await (await hr.PostJson($"/api/employees/{e.Id}/transfer", new { departmentId = department })).ShouldBeProblem(409, "employee-terminated");
        await (await hr.PostJson($"/api/employees/{e.Id}/trainings", new { course = "X", dueOn = RecruitingApi.Day(3) })).ShouldBeProblem(409, "employee-terminated");
        await (await manager.PostJson($"/api/employees/{e.Id}/disciplinary-actions", new { level = "VerbalWarning", reason = "x" })).ShouldBeProblem(409, "employee-terminated");
        await (await hr.PostJson($"/api/employees/{e.Id}/terminate", new { reason = "Other", effectiveOn = RecruitingApi.Day(1) })).ShouldBeProblem(409, "employee-terminated");
        await (await hr.PutJson($"/api/employees/{e.Id}/user", new { userName = "u-" + RecruitingApi.Tag() })).ShouldBeProblem(409, "employee-terminated");
        await (await hr.PostJson($"/api/employees/{boss.Id}/rehire", new { position = "Clerk", departmentId = department, startDate = RecruitingApi.Day(1) })).ShouldBeProblem(409, "employee-not-terminated");
        await (await hr.PostJson($"/api/employees/{e.Id}/rehire", new { position = "Clerk", departmentId = Guid.NewGuid(), startDate = RecruitingApi.Day(1) })).ShouldBeProblem(404, "not-found");
        var rehired = await hr.PostJson($"/api/employees/{e.Id}/rehire", new { position = "Archivist", departmentId = department, startDate = RecruitingApi.Day(1), managerId = boss.Id }).Ok();
        rehired.Version.ShouldBe(terminated.Version + 1);
        view = await hr.Employee(e.Id);
        (view.Status, view.Position, view.EmploymentType, view.Agency, view.SubjectId, view.TerminatedOn, view.StartDate)
            .ShouldBe((EmployeeStatus.Active, "Archivist", EmploymentType.Permanent, (string?)null, e.SubjectId, (DateOnly?)null, DateOnly.Parse(RecruitingApi.Day(1))));
        var history = await (await api.As("demo-auditor").GetAsync($"/api/employees/{e.Id}/history")).ShouldBe<AggregateHistory.History>(200);
        history.Items.Select(i => i.Type).ShouldBe([
            "employee_hired_v1", "employment_contract_changed_v1", "employee_transferred_v1", "employee_position_changed_v1", "training_assigned_v1",
            "training_completed_v1", "disciplinary_action_recorded_v1", "disciplinary_action_recorded_v1", "employee_terminated_v1", "employee_rehired_v1"]);
        // as of before the rehire: terminated
        var before = await (await hr.GetAsync($"/api/employees/{e.Id}?asOf={Uri.EscapeDataString(history.Items[^1].Timestamp.AddTicks(-1).ToString("O"))}")).ShouldBe<EmployeeView>(200);
        (before.Status, before.Position).ShouldBe((EmployeeStatus.Terminated, "Senior clerk"));

        // the register: hr, manager, auditor only
        foreach (var reader in new[] { "demo-hr", "demo-manager", "demo-auditor", "demo-admin" })
        {
            (await (await api.As(reader).GetAsync($"/api/employees/{e.Id}/disciplinary-actions")).ShouldBe<DisciplinaryActionEndpoints.Actions>(200)).Items.Count.ShouldBe(2);
            (await (await api.As(reader).GetAsync($"/api/disciplinary-actions?departmentId={department}")).ShouldBe<DisciplinaryActionEndpoints.Actions>(200))
                .Items.Select(a => a.Reason).ShouldBe([written, final], ignoreOrder: true);
        }
        foreach (var outsider in new[] { "demo-clerk", "demo-it", "demo-accountant" })
        {
            await (await api.As(outsider).GetAsync($"/api/employees/{e.Id}/disciplinary-actions")).ShouldBeProblem(403, "forbidden");
            await (await api.As(outsider).GetAsync("/api/disciplinary-actions")).ShouldBeProblem(403, "forbidden");
            await (await api.As(outsider).GetAsync($"/api/employees/{e.Id}/history")).ShouldBeProblem(403, "forbidden");
        }
        await (await api.As("demo-clerk").PostJson($"/api/employees/{boss.Id}/disciplinary-actions", new { level = "VerbalWarning", reason = "x" })).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-auditor").PostJson($"/api/employees/{boss.Id}/disciplinary-actions", new { level = "VerbalWarning", reason = "x" })).ShouldBeProblem(403, "forbidden");
        await (await api.As("acme-admin").GetAsync($"/api/employees/{e.Id}/disciplinary-actions")).ShouldBeProblem(404, "not-found");
        (await (await api.As("demo-auditor").GetAsync("/api/disciplinary-actions?inForce=true")).ShouldBe<DisciplinaryActionEndpoints.Actions>(200))
            .Items.Select(a => a.ActionId).ShouldContain(finalWarning.ActionId);

        // erasure: the reasons are gone from every table
        ((int)(await hr.DeleteAsync($"/api/personal-data/{e.SubjectId}")).StatusCode).ShouldBe(204);
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.AllDatabases, written, final, e.Name, e.Email);
        actions = await (await hr.GetAsync($"/api/employees/{e.Id}/disciplinary-actions")).ShouldBe<DisciplinaryActionEndpoints.Actions>(200);
        actions.Items.ShouldAllBe(a => a.Reason == null);
        actions.Items.Select(a => a.Level).ShouldBe([DisciplinaryLevel.WrittenWarning, DisciplinaryLevel.FinalWarning]);
    }

    [Fact]
    public async Task Suspension_future_termination_and_gross_misconduct()
    {
        var department = await hr.Department();
        var e = await hr.Hire(department, employmentType: "FixedTerm", contractEndsOn: RecruitingApi.Day(200));
        await (await manager.PostJson($"/api/employees/{e.Id}/disciplinary-actions", new { level = "Suspension", reason = "Suspended pending inquiry" })).ShouldBeProblem(400, "validation-failed");
        await (await manager.PostJson($"/api/employees/{e.Id}/disciplinary-actions", new { level = "Reprimand", reason = "x" })).ShouldBeProblem(400, "malformed-json");
        await (await manager.PostJson($"/api/employees/{e.Id}/disciplinary-actions", new { level = "Suspension", reason = "Suspended pending inquiry", expiresOn = RecruitingApi.Day(5) })).ShouldBe<DisciplinaryActionEndpoints.Response>(200);
        (await hr.Employee(e.Id)).Status.ShouldBe(EmployeeStatus.Suspended);
        var suspended = await (await hr.GetAsync($"/api/employees?departmentId={department}&status=Suspended")).ShouldBe<Page<ListEmployeesEndpoint.Item>>(200);
        suspended.Items.ShouldHaveSingleItem().Id.ShouldBe(e.Id);
        (await (await hr.GetAsync($"/api/employees?departmentId={department}&status=Active")).ShouldBe<Page<ListEmployeesEndpoint.Item>>(200)).Total.ShouldBe(0);

        // a termination in the future takes effect on its day: still employed (suspended) until then, and accepts commands
        await hr.PostJson($"/api/employees/{e.Id}/terminate", new { reason = "Resignation", effectiveOn = RecruitingApi.Day(10) }).Ok();
        var view = await hr.Employee(e.Id);
        (view.Status, view.TerminatedOn).ShouldBe((EmployeeStatus.Suspended, (DateOnly?)DateOnly.Parse(RecruitingApi.Day(10))));
        await hr.PostJson($"/api/employees/{e.Id}/position", new { position = "Leaving clerk" }).Ok();
        await (await hr.PostJson($"/api/employees/{e.Id}/rehire", new { position = "Clerk", departmentId = department, startDate = RecruitingApi.Day(11) })).ShouldBeProblem(409, "employee-not-terminated");

        var other = await hr.Hire(department);
        await (await hr.PostJson($"/api/employees/{other.Id}/terminate", new { reason = "Resignation", effectiveOn = RecruitingApi.Day(0), grossMisconduct = true })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/employees/{other.Id}/terminate", new { reason = "Dismissal" })).ShouldBeProblem(400, "validation-failed");
        await (await manager.PostJson($"/api/employees/{other.Id}/terminate", new { reason = "Resignation", effectiveOn = RecruitingApi.Day(0) })).ShouldBeProblem(403, "forbidden");
        await hr.PostJson($"/api/employees/{other.Id}/terminate", new { reason = "Dismissal", effectiveOn = RecruitingApi.Day(0), grossMisconduct = true }).Ok();
        (await hr.Employee(other.Id)).Status.ShouldBe(EmployeeStatus.Terminated);
        (await (await hr.GetAsync($"/api/employees?departmentId={department}&status=Terminated")).ShouldBe<Page<ListEmployeesEndpoint.Item>>(200)).Items.ShouldHaveSingleItem().Id.ShouldBe(other.Id);
        await (await hr.PostJson($"/api/employees/{Guid.NewGuid()}/terminate", new { reason = "Other", effectiveOn = RecruitingApi.Day(0) })).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Contracts_are_validated_and_changed()
    {
        var department = await hr.Department();
        var tag = RecruitingApi.Tag();
        object Body(string type, string? endsOn, string? agency) => new
        {
            name = "N " + tag, email = $"n.{tag}@example.org", position = "P", departmentId = department, startDate = RecruitingApi.Day(0),
            employmentType = type, contractEndsOn = endsOn, agency,
        };
        await (await hr.PostJson("/api/employees", Body("Temporary", RecruitingApi.Day(30), null))).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", Body("FixedTerm", null, null))).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", Body("Permanent", RecruitingApi.Day(30), null))).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", Body("FixedTerm", RecruitingApi.Day(-5), null))).ShouldBeProblem(400, "validation-failed");

        var e = await hr.Hire(department, employmentType: "FixedTerm", contractEndsOn: RecruitingApi.Day(40));
        (await (await hr.GetAsync("/api/employees/contracts-ending")).ShouldBe<ListContractsEndingEndpoint.Contracts>(200)).Items.ShouldNotContain(i => i.EmployeeId == e.Id);
        await hr.PostJson($"/api/employees/{e.Id}/contract", new { employmentType = "FixedTerm", contractEndsOn = RecruitingApi.Day(30) }).Ok();
        (await (await hr.GetAsync("/api/employees/contracts-ending")).ShouldBe<ListContractsEndingEndpoint.Contracts>(200)).Items.ShouldContain(i => i.EmployeeId == e.Id);
        await hr.PostJson($"/api/employees/{e.Id}/contract", new { employmentType = "Permanent" }).Ok();
        var view = await hr.Employee(e.Id);
        (view.EmploymentType, view.ContractEndsOn).ShouldBe((EmploymentType.Permanent, (DateOnly?)null));
        await (await hr.PostJson($"/api/employees/{e.Id}/contract", new { employmentType = "Temporary", contractEndsOn = RecruitingApi.Day(30) })).ShouldBeProblem(400, "validation-failed");
    }
}
