using BackOffice.Api.Tests.Recruiting;
using BackOffice.Projections.People;

namespace BackOffice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public class UserLinkTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");

    [Fact]
    public async Task An_employee_is_linked_to_a_user_name_unique_per_tenant()
    {
        var department = await hr.Department();
        var a = await hr.Hire(department);
        var b = await hr.Hire(department);
        var userName = "user-" + RecruitingApi.Tag();

        var linked = await hr.PutJson($"/api/employees/{a.Id}/user", new { userName }).Ok();
        linked.Version.ShouldBe(2);
        (await hr.Employee(a.Id)).UserName.ShouldBe(userName);
        (await hr.PutJson($"/api/employees/{a.Id}/user", new { userName }).Ok()).Version.ShouldBe(2);   // same name: nothing new

        await (await hr.PutJson($"/api/employees/{b.Id}/user", new { userName })).ShouldBeProblem(409, "duplicate-user-name");
        await (await hr.PutJson($"/api/employees/{b.Id}/user", new { userName = " " })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PutJson($"/api/employees/{b.Id}/user", new { })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PutJson($"/api/employees/{Guid.NewGuid()}/user", new { userName = "nobody-" + RecruitingApi.Tag() })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-manager").PutJson($"/api/employees/{b.Id}/user", new { userName = "x-" + RecruitingApi.Tag() })).ShouldBeProblem(403, "forbidden");
        // another tenant may use the same user name for its own employee
        var acme = api.As("acme-admin");
        var acmeEmployee = await acme.Hire(await acme.Department());
        await acme.PutJson($"/api/employees/{acmeEmployee.Id}/user", new { userName }).Ok();

        await using var session = api.Store.QuerySession("demo");
        (await EmployeeDirectory.OfUserAsync(session, userName)).ShouldNotBeNull().Id.ShouldBe(a.Id);
        (await EmployeeDirectory.OfUserAsync(session, "nobody-" + RecruitingApi.Tag())).ShouldBeNull();
        await using var acmeSession = api.Store.QuerySession("acme");
        (await EmployeeDirectory.OfUserAsync(acmeSession, userName)).ShouldNotBeNull().Id.ShouldBe(acmeEmployee.Id);
        (await (await api.As("demo-auditor").GetAsync($"/api/employees/{a.Id}/history")).ShouldBe<Api.Reads.AggregateHistory.History>(200))
            .Items[^1].Type.ShouldBe("employee_user_linked_v1");
    }
}
