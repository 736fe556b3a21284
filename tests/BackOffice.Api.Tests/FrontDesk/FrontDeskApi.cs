using System.Net.Http.Headers;
using BackOffice.Api.FrontDesk;
using BackOffice.Api.Tests.Http;
using BackOffice.Api.Tests.Recruiting;
using Npgsql;

namespace BackOffice.Api.Tests.FrontDesk;

/// <summary>Steps of the front-desk tests.</summary>
public static class FrontDeskApi
{
    public static object Letter(string tag, string? email = null, bool confidential = false, string? replyDueOn = null, int receivedDaysAgo = 1,
        string? documentRef = null) => new
    {
        direction = "Inbound",
        channel = "Mail",
        subject = $"Invoice dispute {tag}",
        correspondent = new { name = $"Jane Roe-{tag}", organization = $"Roe Ltd {tag}", email = email ?? $"jane.{tag}@example.org", phone = "+33 1 23 45 67 89", address = $"1 rue {tag}, Paris" },
        occurredAt = DateTimeOffset.UtcNow.AddDays(-receivedDaysAgo).ToString("O"),
        documentRef = documentRef ?? $"REF-{tag}",
        replyDueOn = replyDueOn ?? RecruitingApi.Day(10),
        confidential,
    };

    public static async Task<RegisterCorrespondenceEndpoint.Response> Registered(this HttpClient clerk, object item)
    {
        var response = await clerk.PostJson("/api/correspondence", item);
        var body = await response.ShouldBe<RegisterCorrespondenceEndpoint.Response>(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/correspondence/{body.Id}");
        return body;
    }

    public static async Task<GetCorrespondenceEndpoint.CorrespondenceView> Item(this HttpClient client, Guid id)
        => await (await client.GetAsync($"/api/correspondence/{id}")).ShouldBe<GetCorrespondenceEndpoint.CorrespondenceView>(200);

    /// <summary>A client for a user of its own (a JWT with a fresh user name), holding <paramref name="roles"/> in tenant demo.</summary>
    public static (HttpClient Client, string User) NewUser(this ApiFixture api, params string[] roles)
    {
        var user = "fd-" + RecruitingApi.Tag();
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(sub: user, tenant: "demo", roles: roles));
        return (client, user);
    }

    /// <summary>Hires an employee into <paramref name="department"/> and links them to <paramref name="userName"/>.</summary>
    public static async Task<Guid> Employee(this HttpClient hr, Guid department, string? userName = null)
    {
        var tag = RecruitingApi.Tag();
        var hired = await (await hr.PostJson("/api/employees", new
        {
            name = $"Addie Addressee-{tag}", email = $"addie.{tag}@example.org", position = "Assistant", departmentId = department, startDate = RecruitingApi.Day(-30),
        })).ShouldBeJson(201);
        var id = hired.GetProperty("id").GetGuid();
        if (userName is not null) await hr.LinkUser(id, userName);
        return id;
    }

    /// <summary>
    /// Links an employee to a user name through People's <c>PUT /api/employees/{id}/user</c>; while that route is not
    /// merged yet, writes the same field (<c>userName</c>) into the employee's snapshot directly.
    /// </summary>
    public static async Task LinkUser(this HttpClient hr, Guid employeeId, string userName)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/employees/{employeeId}/user") { Content = System.Net.Http.Json.JsonContent.Create(new { userName }) };
        var response = await hr.SendAsync(request);
        if (response.IsSuccessStatusCode) return;
        ((int)response.StatusCode).ShouldBeOneOf(404, 405);
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionFor("demo"));
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            "update api_tests.mt_doc_employee set data = jsonb_set(data, '{userName}', to_jsonb(@user::text)) where id = @id and tenant_id = 'demo'", connection);
        update.Parameters.AddWithValue("user", userName);
        update.Parameters.AddWithValue("id", employeeId);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
