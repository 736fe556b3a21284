using System.Net.Http.Json;
using BackOffice.Api.Commands;
using BackOffice.Api.People;
using BackOffice.Api.Tests.Recruiting;

namespace BackOffice.Api.Tests.People;

/// <summary>People requests shared by the tests.</summary>
public static class PeopleApi
{
    public sealed record Hired(Guid Id, long Version, Guid SubjectId, string Name, string Email);

    /// <summary>Hires directly into <paramref name="department"/>; extra fields (employmentType…) via <paramref name="terms"/>.</summary>
    public static async Task<Hired> Hire(this HttpClient hr, Guid department, Guid? managerId = null, string employmentType = "Permanent",
        string? contractEndsOn = null, string? agency = null, int startInDays = -30)
    {
        var tag = RecruitingApi.Tag();
        var (name, email) = ($"Pat Person-{tag}", $"pat.{tag}@example.org");
        var response = await hr.PostJson("/api/employees", new
        {
            name, email, position = "Clerk", departmentId = department, managerId, startDate = RecruitingApi.Day(startInDays),
            employmentType, contractEndsOn, agency,
        });
        var body = await response.ShouldBe<HireEmployeeEndpoint.Response>(201);
        return new Hired(body.Id, body.Version, body.SubjectId, name, email);
    }

    public static async Task<EmployeeView> Employee(this HttpClient client, Guid id)
        => await (await client.GetAsync($"/api/employees/{id}")).ShouldBe<EmployeeView>(200);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body)
        => client.PutAsJsonAsync(url, body, HttpAssertions.Json);

    public static async Task<CommandResponse> Ok(this Task<HttpResponseMessage> response) => await (await response).ShouldBe<CommandResponse>(200);
}
