using BackOffice.Api.Commands;
using Marten;
using Marten.Events;
using BackOffice.Api.People;
using BackOffice.Api.Reads;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.People;

namespace BackOffice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public class OrgChartTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");

    private async Task<Guid> Department(string name, Guid? parentId = null)
        => (await (await hr.PostJson("/api/departments", new { name, parentId })).ShouldBe<CommandResponse>(201)).Id;

    [Fact]
    public async Task Departments_are_reparented_and_managed_without_cycles_and_the_chart_counts_sub_departments()
    {
        var tag = RecruitingApi.Tag();
        var top = await Department("Top " + tag);
        var middle = await Department("Middle " + tag, top);
        var bottom = await Department("Bottom " + tag, middle);
        var side = await Department("Side " + tag);

        await (await hr.PostJson($"/api/departments/{top}/reparent", new { parentId = bottom })).ShouldBeProblem(409, "reporting-cycle");
        await (await hr.PostJson($"/api/departments/{top}/reparent", new { parentId = top })).ShouldBeProblem(409, "reporting-cycle");
        await (await hr.PostJson($"/api/departments/{middle}/reparent", new { parentId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson($"/api/departments/{Guid.NewGuid()}/reparent", new { parentId = top })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-clerk").PostJson($"/api/departments/{side}/reparent", new { parentId = top })).ShouldBeProblem(403, "forbidden");
        await hr.PostJson($"/api/departments/{side}/reparent", new { parentId = top }).Ok();

        var boss = await hr.Hire(top);
        await hr.Hire(middle);
        await hr.Hire(bottom);
        await hr.Hire(bottom);
        var gone = await hr.Hire(side);
        await hr.PostJson($"/api/employees/{gone.Id}/terminate", new { reason = "Retirement", effectiveOn = RecruitingApi.Day(0) }).Ok();
        await (await hr.PostJson($"/api/departments/{top}/manager", new { managerId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        var managed = await hr.PostJson($"/api/departments/{top}/manager", new { managerId = boss.Id }).Ok();
        managed.Version.ShouldBe(2);

        var chart = await (await api.As("demo-clerk").GetAsync("/api/org-chart")).ShouldBe<GetOrgChartEndpoint.OrgChart>(200);
        var root = chart.Departments.Where(d => d.Id == top).ShouldHaveSingleItem();
        (root.ManagerId, root.ManagerName, root.Headcount, root.TotalHeadcount).ShouldBe(((Guid?)boss.Id, boss.Name, 1, 4));
        root.Children.Select(c => c.Id).ShouldBe([middle, side]);
        root.Children[0].TotalHeadcount.ShouldBe(3);
        root.Children[0].Children.ShouldHaveSingleItem().Headcount.ShouldBe(2);
        root.Children[1].Headcount.ShouldBe(0);

        await hr.PostJson($"/api/departments/{side}/reparent", new { parentId = (Guid?)null }).Ok();
        await hr.PostJson($"/api/departments/{top}/manager", new { managerId = (Guid?)null }).Ok();
        var got = await (await hr.GetAsync($"/api/departments/{top}")).ShouldBe<GetDepartmentEndpoint.DepartmentView>(200);
        got.ManagerId.ShouldBeNull();
        var history = await (await api.As("demo-clerk").GetAsync($"/api/departments/{side}/history")).ShouldBe<AggregateHistory.History>(200);
        history.Items.Select(i => i.Type).ShouldBe(["department_created_v1", "department_reparented_v1", "department_reparented_v1"]);
        var asOf = await (await hr.GetAsync($"/api/departments/{side}?asOf={Uri.EscapeDataString(history.Items[1].Timestamp.ToString("O"))}")).ShouldBe<GetDepartmentEndpoint.DepartmentView>(200);
        asOf.ParentId.ShouldBe(top);
        await (await hr.GetAsync($"/api/departments/{Guid.NewGuid()}/history")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task The_reporting_line_has_no_cycle()
    {
        var department = await hr.Department();
        var a = await hr.Hire(department);
        var b = await hr.Hire(department, a.Id);
        var c = await hr.Hire(department, b.Id);
        await (await hr.PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = department, managerId = c.Id })).ShouldBeProblem(409, "reporting-cycle");
        await (await hr.PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = department, managerId = a.Id })).ShouldBeProblem(409, "reporting-cycle");
        await (await hr.PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = department, managerId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson($"/api/employees/{a.Id}/transfer", new { })).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-manager").PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = department })).ShouldBeProblem(403, "forbidden");
        // c moves to the top: now a may report to c
        await hr.PostJson($"/api/employees/{c.Id}/transfer", new { departmentId = department }).Ok();
        await hr.PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = department, managerId = c.Id }).Ok();
        (await hr.Employee(a.Id)).ManagerId.ShouldBe(c.Id);
    }

    [Fact]
    public async Task Concurrent_transfers_that_would_close_a_cycle_never_both_succeed()
    {
        var department = await hr.Department();
        for (var round = 0; round < 6; round++)
        {
            var a = await hr.Hire(department);
            var b = await hr.Hire(department);
            var results = await Task.WhenAll(
                api.As("demo-hr").PostJson($"/api/employees/{a.Id}/transfer", new { departmentId = department, managerId = b.Id }),
                api.As("demo-hr").PostJson($"/api/employees/{b.Id}/transfer", new { departmentId = department, managerId = a.Id }));
            results.Count(r => (int)r.StatusCode == 200).ShouldBe(1, $"round {round}");
            var refused = results.Single(r => (int)r.StatusCode != 200);
            await refused.ShouldBeProblem(409, "reporting-cycle");
            var (va, vb) = (await hr.Employee(a.Id), await hr.Employee(b.Id));
            (va.ManagerId == b.Id && vb.ManagerId == a.Id).ShouldBeFalse();
        }
        // and for departments
        for (var round = 0; round < 4; round++)
        {
            var x = await hr.Department();
            var y = await hr.Department();
            var results = await Task.WhenAll(
                api.As("demo-hr").PostJson($"/api/departments/{x}/reparent", new { parentId = y }),
                api.As("demo-hr").PostJson($"/api/departments/{y}/reparent", new { parentId = x }));
            results.Count(r => (int)r.StatusCode == 200).ShouldBe(1, $"round {round}");
            await results.Single(r => (int)r.StatusCode != 200).ShouldBeProblem(409, "reporting-cycle");
        }
    }

    [Fact]
    public async Task The_people_dashboard_counts_per_department_and_type()
    {
        var department = await hr.Department("Dash " + RecruitingApi.Tag());
        var permanent = await hr.Hire(department);
        var temp = await hr.Hire(department, employmentType: "Temporary", contractEndsOn: RecruitingApi.Day(7), agency: "Agency A");
        var leaver = await hr.Hire(department, employmentType: "FixedTerm", contractEndsOn: RecruitingApi.Day(100));
        await hr.PostJson($"/api/employees/{leaver.Id}/terminate", new { reason = "EndOfContract", effectiveOn = RecruitingApi.Day(0) }).Ok();
        var t = await (await hr.PostJson($"/api/employees/{permanent.Id}/trainings", new { course = "Ethics", dueOn = RecruitingApi.Day(-2) })).ShouldBe<AssignTrainingEndpoint.Response>(200);
        await hr.PostJson($"/api/employees/{temp.Id}/trainings", new { course = "Ethics", dueOn = RecruitingApi.Day(5) }).Ok<AssignTrainingEndpoint.Response>();
        await hr.PostJson($"/api/employees/{permanent.Id}/trainings/{t.TrainingId}/complete", new { completedOn = RecruitingApi.Day(0) }).Ok();

        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        var dashboard = await (await api.As("demo-clerk").GetAsync("/api/dashboards/people")).ShouldBe<GetPeopleDashboardEndpoint.Dashboard>(200);
        var line = dashboard.Departments.Where(d => d.DepartmentId == department).ShouldHaveSingleItem();
        line.Headcount.ShouldBe(2);
        line.HeadcountByType.ShouldBe(new Dictionary<EmploymentType, int> { [EmploymentType.Permanent] = 1, [EmploymentType.FixedTerm] = 0, [EmploymentType.Temporary] = 1 });
        line.TrainingCompliance.ShouldBe(new ListTrainingsEndpoints.Compliance(1, 1, 0, 0, 0));
        dashboard.ContractsEnding.ShouldContain(c => c.EmployeeId == temp.Id && c.Agency == "Agency A");
        dashboard.ContractsEnding.ShouldNotContain(c => c.EmployeeId == leaver.Id);
        dashboard.Months.Count.ShouldBe(12);
        dashboard.Months[^1].Month.ShouldBe(DateTime.UtcNow.ToString("yyyy-MM"));
        dashboard.Months.Sum(m => m.Leavers).ShouldBeGreaterThanOrEqualTo(1);
        dashboard.Turnover.ShouldBeGreaterThan(0m);
        dashboard.Headcount.ShouldBe(dashboard.Departments.Sum(d => d.Headcount));
    }
}
