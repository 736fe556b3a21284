using System.Text.Json;
using BackOffice.Api.Tests.Inventory;
using BackOffice.Api.Tests.Recruiting;

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
        var body = await response.ShouldBeJson(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/employees/{body.GetProperty("id").GetGuid()}");
        return (body.GetProperty("id").GetGuid(), body.GetProperty("subjectId").GetGuid(), name, email);
    }

    [Fact]
    public async Task Departments_are_created_read_and_listed()
    {
        var parent = await hr.Department("Operations " + RecruitingApi.Tag());
        var response = await hr.PostJson("/api/departments", new { name = "Mail room", parentId = parent });
        var id = (await response.ShouldBeJson(201)).GetProperty("id").GetGuid();
        var got = await hr.GetAsync($"/api/departments/{id}");
        got.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var view = await got.ShouldBeJson(200);
        view.GetProperty("name").GetString().ShouldBe("Mail room");
        view.GetProperty("parentId").GetGuid().ShouldBe(parent);
        view.GetProperty("managerId").ValueKind.ShouldBe(JsonValueKind.Null);
        var list = await (await api.As("demo-clerk").GetAsync("/api/departments?pageSize=200")).ShouldBeJson(200);
        list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ShouldContain(id);

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
        var view = await got.ShouldBeJson(200);
        view.GetProperty("subjectId").GetGuid().ShouldBe(e.SubjectId);
        view.GetProperty("name").GetString().ShouldBe(e.Name);
        view.GetProperty("email").GetString().ShouldBe(e.Email);
        view.GetProperty("position").GetString().ShouldBe("Bookkeeper");
        view.GetProperty("departmentId").GetGuid().ShouldBe(department);
        view.GetProperty("managerId").GetGuid().ShouldBe(boss.Id);
        view.GetProperty("status").GetString().ShouldBe("Active");
        view.GetProperty("startDate").GetString().ShouldBe(RecruitingApi.Day(14));
        view.GetProperty("candidateId").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("personalDataErased").GetBoolean().ShouldBeFalse();
        (await DatabaseDump.AllTextAsync(ApiFixture.AllDatabases)).Split('\n').Where(l => l.Contains("mt_events", StringComparison.Ordinal))
            .ShouldAllBe(l => !l.Contains(e.Email));

        var list = await (await api.As("demo-clerk").GetAsync($"/api/employees?departmentId={department}")).ShouldBeJson(200);
        list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldBe([boss.Id, e.Id]);
        list.GetProperty("items")[1].GetProperty("name").GetString().ShouldBe(e.Name);
        (await (await hr.GetAsync($"/api/employees?departmentId={department}&status=Active")).ShouldBeJson(200)).GetProperty("total").GetInt64().ShouldBe(2);
        (await (await hr.GetAsync($"/api/employees?departmentId={department}&status=Terminated")).ShouldBeJson(200)).GetProperty("total").GetInt64().ShouldBe(0);
        await (await hr.GetAsync("/api/employees?status=Retired")).ShouldBeProblem(400, "validation-failed");

        await (await hr.PostJson("/api/employees", new { name = "N", email = "bad", position = "P", departmentId = department, startDate = RecruitingApi.Day(1) })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = department })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = Guid.NewGuid(), startDate = RecruitingApi.Day(1) })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = department, managerId = Guid.NewGuid(), startDate = RecruitingApi.Day(1) })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-clerk").PostJson("/api/employees", new { name = "N", email = "n@example.org", position = "P", departmentId = department, startDate = RecruitingApi.Day(1) })).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/employees/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/employees/{e.Id}")).ShouldBeProblem(404, "not-found");

        (await (await api.As("demo-auditor").GetAsync($"/api/employees/{e.Id}/history")).ShouldBeJson(200)).GetProperty("items")[0].GetProperty("type").GetString().ShouldBe("employee_hired_v1");
        await (await api.As("demo-it").GetAsync($"/api/employees/{e.Id}/history")).ShouldBeProblem(403, "forbidden");

        // erasure: GETs show nulls, the database holds the values nowhere
        ((int)(await hr.DeleteAsync($"/api/personal-data/{e.SubjectId}")).StatusCode).ShouldBe(204);
        var erased = await (await hr.GetAsync($"/api/employees/{e.Id}")).ShouldBeJson(200);
        erased.GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null);
        erased.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        erased.GetProperty("personalDataErased").GetBoolean().ShouldBeTrue();
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.AllDatabases, e.Name, e.Email);
    }
}
