using BackOffice.Api.People;
using BackOffice.Api.Tests.Recruiting;
using BackOffice.Domain.People;

namespace BackOffice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public class PeopleEndpointsTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");

    private async Task<(Guid Id, Guid SubjectId, string Name, string Email)> Hire(Guid department, Guid? managerId = null)
    {
        var tag = RecruitingApi.Tag();
        var (name, email) = ($"Eve Employee-{tag}", $"eve.{tag}@example.org");
        var response = await hr.PostJson("/api/employees", new { name, email, position = "Bookkeeper", departmentId = department, managerId, startDate = RecruitingApi.Day(14) });
        var body = await response.ShouldBe<HireEmployeeEndpoint.Response>(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/employees/{body.Id}");
        body.Version.ShouldBe(1);
        return (body.Id, body.SubjectId, name, email);
    }

    [Fact]
    public async Task Departments_are_created_read_and_listed()
    {
        var parent = await hr.Department("Operations " + RecruitingApi.Tag());
        var response = await hr.PostJson("/api/departments", new { name = "Mail room", parentId = parent });
        var id = (await response.ShouldBe<CommandResponse>(201)).Id;
        var got = await hr.GetAsync($"/api/departments/{id}");
        got.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var view = await got.ShouldBe<GetDepartmentEndpoint.DepartmentView>(200);
        view.ShouldBe(new GetDepartmentEndpoint.DepartmentView(id, "Mail room", parent, null, 1));
        var list = await api.As("demo-clerk").GetAsync("/api/departments?pageSize=200").Ok<Page<ListDepartmentsEndpoint.Item>>();
        list.Items.ShouldContain(new ListDepartmentsEndpoint.Item(id, "Mail room", parent, null));

        await (await hr.PostJson("/api/departments", new { name = "Orphan", parentId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/departments", new { name = "Led", managerId = Guid.NewGuid() })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/departments", new { name = " " })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/departments", new { })).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-manager").PostJson("/api/departments", new { name = "Shadow" })).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/departments/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/departments/{id}")).ShouldBeProblem(404, "not-found");
        await (await hr.GetAsync("/api/departments?page=0")).ShouldBeProblem(400, "validation-failed");
    }

    [Fact]
    public async Task Employees_are_hired_directly_read_listed_and_refused()
    {
        var department = await hr.Department();
        var boss = await Hire(department);
        var e = await Hire(department, boss.Id);
        var got = await hr.GetAsync($"/api/employees/{e.Id}");
        got.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var view = await got.ShouldBe<GetEmployeeEndpoint.EmployeeView>(200);
        view.ShouldBe(new GetEmployeeEndpoint.EmployeeView(e.Id, e.SubjectId, e.Name, e.Email, "Bookkeeper", department, boss.Id, EmployeeStatus.Active,
            RecruitingApi.Date(14), null, false, 1));
        (await DatabaseDump.AllTextAsync(ApiFixture.Connection)).Split('\n').Where(l => l.Contains("mt_events", StringComparison.Ordinal))
            .ShouldAllBe(l => !l.Contains(e.Email));

        async Task<Page<ListEmployeesEndpoint.Item>> Employees(HttpClient client, string query)
            => await client.GetAsync($"/api/employees?{query}").Ok<Page<ListEmployeesEndpoint.Item>>();
        var list = await Employees(api.As("demo-clerk"), $"departmentId={department}");
        list.Items.Select(x => x.Id).ShouldBe([boss.Id, e.Id]);
        list.Items[1].ShouldBe(new ListEmployeesEndpoint.Item(e.Id, e.SubjectId, e.Name, "Bookkeeper", department, boss.Id, EmployeeStatus.Active,
            RecruitingApi.Date(14), null, false));
        (await Employees(hr, $"departmentId={department}&status=Active")).Total.ShouldBe(2);
        (await Employees(hr, $"departmentId={department}&status=Terminated")).Total.ShouldBe(0);
        await (await hr.GetAsync("/api/employees?status=Retired")).ShouldBeProblem(400, "validation-failed");

        await (await hr.PostJson("/api/employees", new { name = "N", email = "bad", position = "P", departmentId = department, startDate = RecruitingApi.Day(1) })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = department })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = Guid.NewGuid(), startDate = RecruitingApi.Day(1) })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = department, managerId = Guid.NewGuid(), startDate = RecruitingApi.Day(1) })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-clerk").PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = department, startDate = RecruitingApi.Day(1) })).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/employees/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/employees/{e.Id}")).ShouldBeProblem(404, "not-found");

        (await api.As("demo-auditor").GetAsync($"/api/employees/{e.Id}/history").Ok<AggregateHistory.History>()).Items.ShouldHaveSingleItem().Type.ShouldBe("employee_hired_v1");
        await (await api.As("demo-it").GetAsync($"/api/employees/{e.Id}/history")).ShouldBeProblem(403, "forbidden");

        // erasure: GETs show nulls, the database holds the values nowhere
        ((int)(await hr.DeleteAsync($"/api/personal-data/{e.SubjectId}")).StatusCode).ShouldBe(204);
        // The strict typed read tells null from absent: the erased fields are there, as null.
        var erased = await hr.GetAsync($"/api/employees/{e.Id}").Ok<GetEmployeeEndpoint.EmployeeView>();
        erased.Name.ShouldBeNull();
        erased.Email.ShouldBeNull();
        erased.PersonalDataErased.ShouldBeTrue();
        erased.Position.ShouldBe("Bookkeeper");
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.Connection, e.Name, e.Email);
    }
}
