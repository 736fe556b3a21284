using BackOffice.Api.Recruiting;
using Marten;
using CandidateView = BackOffice.Api.Recruiting.GetCandidateEndpoint.CandidateView;

namespace BackOffice.Api.Tests.Recruiting;

/// <summary>Recruiting and People requests shared by the tests.</summary>
public static class RecruitingApi
{
    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<Guid> Department(this HttpClient hr, string? name = null)
        => (await (await hr.PostJson("/api/departments", new { name = name ?? "Dept " + Tag() })).ShouldBe<CommandResponse>(201)).Id;

    public static async Task<Guid> Opening(this HttpClient hr, int positions = 1, Guid? departmentId = null)
    {
        var department = departmentId ?? await hr.Department();
        var body = await (await hr.PostJson("/api/job-openings", new { title = "Filing clerk", departmentId = department, hiringManager = "demo-manager", positions })).ShouldBe<CommandResponse>(201);
        return body.Id;
    }

    public sealed record Applicant(Guid Id, Guid SubjectId, string Name, string Email, string Phone, string Resume);

    public static async Task<Applicant> Apply(this HttpClient hr, Guid openingId)
    {
        var tag = Tag();
        var (name, email, phone, resume) = ($"Ana Candidate-{tag}", $"ana.{tag}@example.org", $"+41 21 {tag[..6].Select(c => (int)c % 10).Aggregate("", (s, d) => s + d)}", $"Resume {tag}: twelve years of archiving");
        var response = await hr.PostJson("/api/candidates", new { jobOpeningId = openingId, name, email, phone, resume });
        var body = await response.ShouldBe<ApplyEndpoint.Response>(201);
        response.Headers.Location!.ToString().ShouldBe($"/api/candidates/{body.Id}");
        body.Version.ShouldBe(1);
        return new Applicant(body.Id, body.SubjectId, name, email, phone, resume);
    }

    public static string At(int days = 3) => DateTimeOffset.UtcNow.AddDays(days).ToString("O");
    public static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd");
    public static DateOnly Date(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days));

    /// <summary>Applies, screens (passed) and shortlists; returns the candidate.</summary>
    public static async Task<Applicant> Shortlisted(this HttpClient hr, Guid openingId)
    {
        var c = await hr.Apply(openingId);
        await hr.PostJson($"/api/candidates/{c.Id}/screen", new { passed = true, notes = "Screening " + Tag() }).Ok();
        await hr.PostAsync($"/api/candidates/{c.Id}/shortlist", null).Ok();
        return c;
    }

    public static async Task<Guid> Interview(this HttpClient hr, Guid candidateId, params string[] interviewers)
        => (await hr.PostJson($"/api/candidates/{candidateId}/interviews",
            new { at = At(), interviewers = interviewers.Length == 0 ? new[] { "demo-manager" } : interviewers, location = "Room 2" })
            .Ok<ScheduleInterviewEndpoint.Response>()).InterviewId;

    /// <summary>A candidate interviewed by demo-manager with that feedback recorded, then offered.</summary>
    public static async Task<(Applicant Candidate, Guid InterviewId)> Offered(this HttpClient hr, HttpClient interviewer, Guid openingId, int expiresInDays = 7)
    {
        var c = await hr.Shortlisted(openingId);
        var interview = await hr.Interview(c.Id);
        await interviewer.PostJson($"/api/candidates/{c.Id}/interviews/{interview}/feedback", new { score = 4, recommendation = "Hire", notes = "Feedback " + Tag() }).Ok();
        await hr.PostJson($"/api/candidates/{c.Id}/offer", new { salary = 5200.50m, startDate = Day(30), expiresOn = Day(expiresInDays) }).Ok();
        return (c, interview);
    }

    public static async Task<CandidateView> Candidate(this HttpClient client, Guid id) => await client.GetAsync($"/api/candidates/{id}").Ok<CandidateView>();

    public static async Task<GetJobOpeningEndpoint.JobOpeningView> JobOpening(this HttpClient client, Guid id)
        => await client.GetAsync($"/api/job-openings/{id}").Ok<GetJobOpeningEndpoint.JobOpeningView>();

    /// <summary>The candidates of <paramref name="query"/> (<c>/api/candidates?…</c>).</summary>
    public static async Task<Page<ListCandidatesEndpoint.Item>> Candidates(this HttpClient client, string query)
        => await client.GetAsync($"/api/candidates?{query}").Ok<Page<ListCandidatesEndpoint.Item>>();

    /// <summary>Polls the candidate until <paramref name="until"/> holds, for at most 20 s (the hire workflow runs asynchronously).</summary>
    public static async Task<CandidateView> CandidateWhen(this HttpClient client, Guid id, Func<CandidateView, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var candidate = await client.Candidate(id);
            if (until(candidate)) return candidate;
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"Candidate {id} never reached the expected state: {candidate}");
            await Task.Delay(50);
        }
    }

    public static async Task<IReadOnlyList<string>> EventTypes(this IDocumentStore store, Guid streamId, string tenant = "demo")
    {
        await using var session = store.QuerySession(tenant);
        return [.. (await session.Events.FetchStreamAsync(streamId)).Select(e => e.EventTypeName)];
    }
}
