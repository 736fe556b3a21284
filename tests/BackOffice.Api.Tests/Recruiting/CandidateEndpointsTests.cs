using System.Text.Json;
using BackOffice.Api.Tests.Inventory;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Api.Tests.Recruiting;

[Collection(ApiCollection.Name)]
public class CandidateEndpointsTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");
    private readonly HttpClient manager = api.As("demo-manager");

    [Fact]
    public async Task Job_openings_open_read_close_and_refuse()
    {
        var department = await hr.Department();
        var response = await hr.PostJson("/api/job-openings", new { title = "Archivist", departmentId = department, positions = 2 });
        var id = (await response.ShouldBeJson(201)).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/job-openings/{id}");
        var got = await hr.GetAsync($"/api/job-openings/{id}");
        got.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var view = await got.ShouldBeJson(200);
        view.GetProperty("title").GetString().ShouldBe("Archivist");
        view.GetProperty("positions").GetInt32().ShouldBe(2);
        view.GetProperty("hired").GetInt32().ShouldBe(0);
        view.GetProperty("status").GetString().ShouldBe("Open");
        view.GetProperty("hiringManager").ValueKind.ShouldBe(JsonValueKind.Null);

        await (await hr.PostJson("/api/job-openings", new { title = "X", departmentId = Guid.NewGuid(), positions = 1 })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/job-openings", new { title = "X", departmentId = department, positions = 0 })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/job-openings", new { title = "X" })).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-clerk").PostJson("/api/job-openings", new { title = "X", departmentId = department, positions = 1 })).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/job-openings/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/job-openings/{id}")).ShouldBeProblem(404, "not-found");

        await hr.PostJson($"/api/job-openings/{id}/close", new { reason = "Budget withdrawn" }).Ok();
        (await (await hr.GetAsync($"/api/job-openings/{id}")).ShouldBeJson(200)).GetProperty("status").GetString().ShouldBe("Closed");
        (await hr.PostJson($"/api/job-openings/{id}/close", new { reason = "again" }).Ok()).GetProperty("version").GetInt64().ShouldBe(2);
        await (await hr.PostJson($"/api/job-openings/{id}/close", new { })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/job-openings/{Guid.NewGuid()}/close", new { reason = "x" })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/candidates", new { jobOpeningId = id, name = "Too Late", email = "late@example.org" })).ShouldBeProblem(409, "job-opening-not-open");
        (await (await hr.GetAsync($"/api/job-openings/{id}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}"))
            .ShouldBeProblem(404, "not-found")).GetProperty("detail").GetString()!.ShouldContain("did not exist");
    }

    [Fact]
    public async Task Applying_stores_personal_values_apart_and_get_joins_them()
    {
        var opening = await hr.Opening();
        var c = await hr.Apply(opening);
        var got = await hr.GetAsync($"/api/candidates/{c.Id}");
        got.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var view = await got.ShouldBeJson(200);
        view.GetProperty("stage").GetString().ShouldBe("Applied");
        view.GetProperty("subjectId").GetGuid().ShouldBe(c.SubjectId);
        view.GetProperty("jobOpeningId").GetGuid().ShouldBe(opening);
        view.GetProperty("name").GetString().ShouldBe(c.Name);
        view.GetProperty("email").GetString().ShouldBe(c.Email);
        view.GetProperty("phone").GetString().ShouldBe(c.Phone);
        view.GetProperty("resume").GetString().ShouldBe(c.Resume);
        view.GetProperty("offer").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("employeeId").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("personalDataErased").GetBoolean().ShouldBeFalse();
        view.GetProperty("interviews").GetArrayLength().ShouldBe(0);

        // the event holds the subject id, never the values
        var history = await (await hr.GetAsync($"/api/candidates/{c.Id}/history")).ShouldBeJson(200);
        history.GetProperty("items")[0].GetProperty("type").GetString().ShouldBe("candidate_applied_v1");
        var raw = history.GetRawText();
        raw.ShouldNotContain(c.Name);
        raw.ShouldNotContain(c.Email);
        // the subject-access request sees the candidate stream
        var held = await (await hr.GetAsync($"/api/personal-data/{c.SubjectId}")).ShouldBeJson(200);
        held.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("streamType").GetString()).ShouldBe(["candidate"]);

        await (await hr.PostJson("/api/candidates", new { jobOpeningId = opening, name = "No Mail" })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/candidates", new { jobOpeningId = opening, name = "Bad Mail", email = "not-an-email" })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/candidates", new { jobOpeningId = Guid.NewGuid(), name = "Nowhere", email = "n@example.org" })).ShouldBeProblem(404, "not-found");
        await (await api.As("demo-clerk").PostJson("/api/candidates", new { jobOpeningId = opening, name = "N", email = "n@example.org" })).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/candidates/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/candidates/{c.Id}")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Stage_machine_refuses_what_the_contract_does_not_allow()
    {
        var opening = await hr.Opening();
        var c = await hr.Apply(opening);
        await (await hr.PostAsync($"/api/candidates/{c.Id}/shortlist", null)).ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews", new { at = RecruitingApi.At(), interviewers = new[] { "demo-manager" }, location = "R1" }))
            .ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", new { salary = 1, startDate = RecruitingApi.Day(10), expiresOn = RecruitingApi.Day(5) }))
            .ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostAsync($"/api/candidates/{c.Id}/offer/accept", null)).ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/screen", new { notes = "no outcome" })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{Guid.NewGuid()}/screen", new { passed = true })).ShouldBeProblem(404, "not-found");

        // failed screening rejects with DoesNotFit; a rejected candidate moves no more
        await hr.PostJson($"/api/candidates/{c.Id}/screen", new { passed = false, notes = "Not the profile" }).Ok();
        (await hr.Candidate(c.Id)).GetProperty("stage").GetString().ShouldBe("Rejected");
        (await api.Store.EventTypes(c.Id)).ShouldBe(["candidate_applied_v1", "candidate_screened_v1", "candidate_rejected_v1"]);
        await (await hr.PostJson($"/api/candidates/{c.Id}/screen", new { passed = true })).ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/withdraw", new { })).ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/reject", new { reason = "Spam" })).ShouldBeProblem(409, "stage-transition-not-allowed");

        // reject needs a reason; Other needs notes
        var d = await hr.Apply(opening);
        await (await hr.PostJson($"/api/candidates/{d.Id}/reject", new { })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{d.Id}/reject", new { reason = "Other" })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{d.Id}/reject", new { reason = "Nonsense" })).ShouldBeProblem(400, "malformed-json");
        await hr.PostJson($"/api/candidates/{d.Id}/reject", new { reason = "Duplicate", notes = "Applied twice" }).Ok();
        (await hr.Candidate(d.Id)).GetProperty("stage").GetString().ShouldBe("Rejected");

        // withdraw with or without a body
        var e = await hr.Apply(opening);
        await hr.PostAsync($"/api/candidates/{e.Id}/withdraw", null).Ok();
        (await hr.Candidate(e.Id)).GetProperty("stage").GetString().ShouldBe("Withdrawn");
        var f = await hr.Apply(opening);
        await hr.PostJson($"/api/candidates/{f.Id}/withdraw", new { reason = "Moved abroad" }).Ok();
        await (await api.As("demo-clerk").PostJson($"/api/candidates/{f.Id}/withdraw", new { })).ShouldBeProblem(403, "forbidden");
    }

    [Fact]
    public async Task Interviews_are_scheduled_rescheduled_cancelled_and_given_feedback()
    {
        var opening = await hr.Opening();
        var c = await hr.Shortlisted(opening);
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews", new { at = RecruitingApi.At(), interviewers = Array.Empty<string>(), location = "R1" }))
            .ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews", new { at = RecruitingApi.At(-1), interviewers = new[] { "demo-it" }, location = "R1" }))
            .ShouldBeProblem(400, "validation-failed");
        var first = await hr.Interview(c.Id, "demo-manager", "demo-it");
        var second = await hr.Interview(c.Id, "demo-accountant");
        (await hr.Candidate(c.Id)).GetProperty("stage").GetString().ShouldBe("Interviewing");

        var later = DateTimeOffset.UtcNow.AddDays(5);
        await hr.PostJson($"/api/candidates/{c.Id}/interviews/{first}/reschedule", new { at = later.ToString("O") }).Ok();
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews/{Guid.NewGuid()}/reschedule", new { at = later.ToString("O") })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews/{first}/reschedule", new { })).ShouldBeProblem(400, "validation-failed");
        await hr.PostJson($"/api/candidates/{c.Id}/interviews/{second}/cancel", new { reason = "Interviewer ill" }).Ok();
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews/{second}/cancel", new { reason = "again" })).ShouldBeProblem(409, "interview-transition-not-allowed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews/{second}/reschedule", new { at = later.ToString("O") })).ShouldBeProblem(409, "interview-transition-not-allowed");
        await (await api.As("demo-accountant").PostJson($"/api/candidates/{c.Id}/interviews/{second}/feedback", new { score = 3, recommendation = "Unsure" }))
            .ShouldBeProblem(409, "interview-transition-not-allowed");

        // feedback: the interviewers (any role but auditor), hr; not others; once per user; score 1–5
        await (await api.As("demo-auditor").PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 3, recommendation = "Hire" })).ShouldBeProblem(403, "forbidden");
        await (await api.As("demo-clerk").PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 3, recommendation = "Hire" })).ShouldBeProblem(403, "not-an-interviewer");
        await (await manager.PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 6, recommendation = "Hire" })).ShouldBeProblem(400, "validation-failed");
        await (await manager.PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 4 })).ShouldBeProblem(400, "validation-failed");
        await manager.PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 4, recommendation = "Hire", notes = "Methodical" }).Ok();
        await (await manager.PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 5, recommendation = "Hire" })).ShouldBeProblem(409, "feedback-already-recorded");
        await api.As("demo-it").PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 3, recommendation = "Unsure" }).Ok();
        await hr.PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 2, recommendation = "NoHire" }).Ok();
        await (await hr.PostJson($"/api/candidates/{c.Id}/interviews/{first}/reschedule", new { at = later.AddDays(1).ToString("O") })).ShouldBeProblem(409, "interview-transition-not-allowed");

        var view = await hr.Candidate(c.Id);
        var interviews = view.GetProperty("interviews");
        interviews.GetArrayLength().ShouldBe(2);
        interviews[0].GetProperty("status").GetString().ShouldBe("Held");
        interviews[0].GetProperty("at").GetDateTimeOffset().ShouldBe(later, TimeSpan.FromMilliseconds(1));
        interviews[0].GetProperty("interviewers").EnumerateArray().Select(x => x.GetString()).ShouldBe(["demo-manager", "demo-it"]);
        var feedback = interviews[0].GetProperty("feedback");
        feedback.EnumerateArray().Select(x => x.GetProperty("interviewer").GetString()).ShouldBe(["demo-manager", "demo-it", "demo-hr"]);
        feedback[0].GetProperty("score").GetInt32().ShouldBe(4);
        feedback[0].GetProperty("recommendation").GetString().ShouldBe("Hire");
        feedback[0].GetProperty("notes").GetString().ShouldBe("Methodical");
        interviews[1].GetProperty("status").GetString().ShouldBe("Cancelled");
    }

    [Fact]
    public async Task Offers_are_extended_declined_accepted_and_refused()
    {
        var opening = await hr.Opening(positions: 5);
        var c = await hr.Shortlisted(opening);
        var interview = await hr.Interview(c.Id);
        var offer = new { salary = 4800.25m, startDate = RecruitingApi.Day(20), expiresOn = RecruitingApi.Day(10) };
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", offer)).ShouldBeProblem(409, "offer-needs-feedback");
        await manager.PostJson($"/api/candidates/{c.Id}/interviews/{interview}/feedback", new { score = 4, recommendation = "Hire" }).Ok();
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", new { salary = 0, startDate = RecruitingApi.Day(20), expiresOn = RecruitingApi.Day(10) })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", new { salary = 10.001m, startDate = RecruitingApi.Day(20), expiresOn = RecruitingApi.Day(10) })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", new { salary = 10, startDate = RecruitingApi.Day(-1), expiresOn = RecruitingApi.Day(10) })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", new { salary = 10 })).ShouldBeProblem(400, "validation-failed");
        await hr.PostJson($"/api/candidates/{c.Id}/offer", offer).Ok();
        var view = await hr.Candidate(c.Id);
        view.GetProperty("stage").GetString().ShouldBe("Offered");
        view.GetProperty("offer").GetProperty("salary").GetDecimal().ShouldBe(4800.25m);
        view.GetProperty("offer").GetProperty("startDate").GetString().ShouldBe(RecruitingApi.Day(20));
        view.GetProperty("offer").GetProperty("expiresOn").GetString().ShouldBe(RecruitingApi.Day(10));
        view.GetProperty("offer").GetProperty("status").GetString().ShouldBe("Extended");
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", offer)).ShouldBeProblem(409, "stage-transition-not-allowed");

        // declining withdraws the candidate
        await hr.PostJson($"/api/candidates/{c.Id}/offer/decline", new { reason = "Salary too low" }).Ok();
        view = await hr.Candidate(c.Id);
        view.GetProperty("stage").GetString().ShouldBe("Withdrawn");
        view.GetProperty("offer").GetProperty("status").GetString().ShouldBe("Declined");
        await (await hr.PostAsync($"/api/candidates/{c.Id}/offer/accept", null)).ShouldBeProblem(409, "stage-transition-not-allowed");

        // an offer accepted after its expiry day is 409 offer-expired (a host whose clock is 11 days ahead)
        var (d, _) = await hr.Offered(manager, opening, expiresInDays: 10);
        await using var later = api.Variant(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new ShiftedTime(TimeSpan.FromDays(11)))));
        var hrLater = later.CreateClient();
        hrLater.DefaultRequestHeaders.Add("X-Api-Key", "demo-hr");
        await (await hrLater.PostAsync($"/api/candidates/{d.Id}/offer/accept", null)).ShouldBeProblem(409, "offer-expired");
        (await hrLater.Candidate(d.Id)).GetProperty("offer").GetProperty("status").GetString().ShouldBe("Expired");
        // it can still be declined
        await hr.PostAsync($"/api/candidates/{d.Id}/offer/decline", null).Ok();
        await (await hr.PostAsync($"/api/candidates/{d.Id}/offer/decline", null)).ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await api.As("demo-manager").PostAsync($"/api/candidates/{d.Id}/offer/accept", null)).ShouldBeProblem(403, "forbidden");
        await (await hr.PostAsync($"/api/candidates/{Guid.NewGuid()}/offer/accept", null)).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Candidates_are_listed_per_opening_and_stage_with_names_joined()
    {
        var opening = await hr.Opening(positions: 3);
        var a = await hr.Apply(opening);
        var b = await hr.Shortlisted(opening);
        var all = await (await hr.GetAsync($"/api/candidates?jobOpeningId={opening}")).ShouldBeJson(200);
        all.GetProperty("total").GetInt64().ShouldBe(2);
        all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([a.Id, b.Id]);
        all.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe(a.Name);
        var shortlisted = await (await api.As("demo-clerk").GetAsync($"/api/candidates?jobOpeningId={opening}&stage=Shortlisted")).ShouldBeJson(200);
        shortlisted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([b.Id]);
        var paged = await (await hr.GetAsync($"/api/candidates?jobOpeningId={opening}&pageSize=1&page=2")).ShouldBeJson(200);
        paged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([b.Id]);
        paged.GetProperty("page").GetInt32().ShouldBe(2);
        await (await hr.GetAsync("/api/candidates?stage=Sleeping")).ShouldBeProblem(400, "validation-failed");
        await (await hr.GetAsync("/api/candidates?pageSize=201")).ShouldBeProblem(400, "validation-failed");
        (await (await api.As("acme-admin").GetAsync($"/api/candidates?jobOpeningId={opening}")).ShouldBeJson(200)).GetProperty("total").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Candidate_history_is_for_hr_managers_and_auditors()
    {
        var c = await hr.Apply(await hr.Opening());
        (await (await manager.GetAsync($"/api/candidates/{c.Id}/history")).ShouldBeJson(200)).GetProperty("items").GetArrayLength().ShouldBe(1);
        await (await api.As("demo-auditor").GetAsync($"/api/candidates/{c.Id}/history")).ShouldBeJson(200);
        await (await api.As("demo-clerk").GetAsync($"/api/candidates/{c.Id}/history")).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/candidates/{Guid.NewGuid()}/history")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Erasing_a_candidate_leaves_their_values_nowhere_and_gets_show_nulls()
    {
        var opening = await hr.Opening();
        var c = await hr.Shortlisted(opening);
        var screening = (await hr.Candidate(c.Id)).GetProperty("screeningNotes").GetString()!;
        var interview = await hr.Interview(c.Id);
        var feedback = "Feedback about Ana " + RecruitingApi.Tag();
        await manager.PostJson($"/api/candidates/{c.Id}/interviews/{interview}/feedback", new { score = 4, recommendation = "Hire", notes = feedback }).Ok();
        var rejection = "Rejected because " + RecruitingApi.Tag();
        await hr.PostJson($"/api/candidates/{c.Id}/reject", new { reason = "Other", notes = rejection }).Ok();
        string[] values = [c.Name, c.Email, c.Phone, c.Resume, screening, feedback, rejection];
        (await DatabaseDump.AllTextAsync(ApiFixture.Connection)).ShouldContain(feedback);

        ((int)(await hr.DeleteAsync($"/api/personal-data/{c.SubjectId}")).StatusCode).ShouldBe(204);
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.Connection, values);

        var view = await hr.Candidate(c.Id);
        view.GetProperty("personalDataErased").GetBoolean().ShouldBeTrue();
        foreach (var field in new[] { "name", "email", "phone", "resume", "screeningNotes" })
            view.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, field);
        view.GetProperty("interviews")[0].GetProperty("feedback")[0].GetProperty("notes").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("interviews")[0].GetProperty("feedback")[0].GetProperty("score").GetInt32().ShouldBe(4);
        view.GetProperty("stage").GetString().ShouldBe("Rejected");
        var listed = await (await hr.GetAsync($"/api/candidates?jobOpeningId={opening}")).ShouldBeJson(200);
        listed.GetProperty("items")[0].GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null);
        listed.GetProperty("items")[0].GetProperty("personalDataErased").GetBoolean().ShouldBeTrue();
    }
}

/// <summary>The system clock moved by a fixed offset.</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
