using BackOffice.Api.PersonalData;
using BackOffice.Api.Recruiting;
using BackOffice.Domain.Recruiting;
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
        var id = (await response.ShouldBe<CommandResponse>(201)).Id;
        response.Headers.Location!.ToString().ShouldBe($"/api/job-openings/{id}");
        var got = await hr.GetAsync($"/api/job-openings/{id}");
        got.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var view = await got.ShouldBe<GetJobOpeningEndpoint.JobOpeningView>(200);
        view.ShouldBe(new GetJobOpeningEndpoint.JobOpeningView(id, "Archivist", department, null, 2, 0, JobOpeningStatus.Open, 1));

        await (await hr.PostJson("/api/job-openings", new { title = "X", departmentId = Guid.NewGuid(), positions = 1 })).ShouldBeProblem(404, "not-found");
        await (await hr.PostJson("/api/job-openings", new { title = "X", departmentId = department, positions = 0 })).ShouldBeProblem(400, "validation-failed");
        await (await hr.PostJson("/api/job-openings", new { title = "X" })).ShouldBeProblem(400, "validation-failed");
        await (await api.As("demo-clerk").PostJson("/api/job-openings", new { title = "X", departmentId = department, positions = 1 })).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/job-openings/{Guid.NewGuid()}")).ShouldBeProblem(404, "not-found");
        await (await api.As("acme-admin").GetAsync($"/api/job-openings/{id}")).ShouldBeProblem(404, "not-found");

        (await hr.PostJson($"/api/job-openings/{id}/close", new { reason = "Budget withdrawn" }).Ok()).Version.ShouldBe(2);
        (await hr.JobOpening(id)).Status.ShouldBe(JobOpeningStatus.Closed);
        (await hr.PostJson($"/api/job-openings/{id}/close", new { reason = "again" }).Ok()).Version.ShouldBe(2);
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
        var view = await got.ShouldBe<GetCandidateEndpoint.CandidateView>(200);
        view.Id.ShouldBe(c.Id);
        view.Stage.ShouldBe(CandidateStage.Applied);
        view.SubjectId.ShouldBe(c.SubjectId);
        view.JobOpeningId.ShouldBe(opening);
        view.Name.ShouldBe(c.Name);
        view.Email.ShouldBe(c.Email);
        view.Phone.ShouldBe(c.Phone);
        view.Resume.ShouldBe(c.Resume);
        view.Offer.ShouldBeNull();
        view.EmployeeId.ShouldBeNull();
        view.PersonalDataErased.ShouldBeFalse();
        view.Interviews.ShouldBeEmpty();
        view.Version.ShouldBe(1);

        // the event holds the subject id, never the values
        var historyResponse = await hr.GetAsync($"/api/candidates/{c.Id}/history");
        var history = await historyResponse.ShouldBe<BackOffice.Api.Reads.AggregateHistory.History>(200);
        history.Items.ShouldHaveSingleItem().Type.ShouldBe("candidate_applied_v1");
        var raw = await historyResponse.Content.ReadAsStringAsync();
        raw.ShouldNotContain(c.Name);
        raw.ShouldNotContain(c.Email);
        // the subject-access request sees the candidate stream
        var held = await hr.GetAsync($"/api/personal-data/{c.SubjectId}").Ok<GetPersonalDataEndpoint.PersonalDataView>();
        held.Streams.ShouldBe([new GetPersonalDataEndpoint.StreamView(c.Id, "candidate")]);

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
        (await hr.Candidate(c.Id)).Stage.ShouldBe(CandidateStage.Rejected);
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
        (await hr.Candidate(d.Id)).Stage.ShouldBe(CandidateStage.Rejected);

        // withdraw with or without a body
        var e = await hr.Apply(opening);
        await hr.PostAsync($"/api/candidates/{e.Id}/withdraw", null).Ok();
        (await hr.Candidate(e.Id)).Stage.ShouldBe(CandidateStage.Withdrawn);
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
        (await hr.Candidate(c.Id)).Stage.ShouldBe(CandidateStage.Interviewing);

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

        var interviews = (await hr.Candidate(c.Id)).Interviews;
        interviews.Select(i => i.InterviewId).ShouldBe([first, second]);
        interviews[0].Status.ShouldBe(InterviewStatus.Held);
        interviews[0].At.ShouldBe(later, TimeSpan.FromMilliseconds(1));
        interviews[0].Interviewers.ShouldBe(["demo-manager", "demo-it"]);
        interviews[0].Feedback.Select(x => x.Interviewer).ShouldBe(["demo-manager", "demo-it", "demo-hr"]);
        interviews[0].Feedback[0].ShouldBe(new GetCandidateEndpoint.FeedbackView("demo-manager", 4, Recommendation.Hire, "Methodical"));
        interviews[1].Status.ShouldBe(InterviewStatus.Cancelled);
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
        view.Stage.ShouldBe(CandidateStage.Offered);
        view.Offer.ShouldBe(new GetCandidateEndpoint.OfferView(4800.25m, RecruitingApi.Date(20), RecruitingApi.Date(10), "Extended"));
        await (await hr.PostJson($"/api/candidates/{c.Id}/offer", offer)).ShouldBeProblem(409, "stage-transition-not-allowed");

        // declining withdraws the candidate
        await hr.PostJson($"/api/candidates/{c.Id}/offer/decline", new { reason = "Salary too low" }).Ok();
        view = await hr.Candidate(c.Id);
        view.Stage.ShouldBe(CandidateStage.Withdrawn);
        view.Offer.ShouldNotBeNull().Status.ShouldBe("Declined");
        await (await hr.PostAsync($"/api/candidates/{c.Id}/offer/accept", null)).ShouldBeProblem(409, "stage-transition-not-allowed");

        // an offer accepted after its expiry day is 409 offer-expired (a host whose clock is 11 days ahead)
        var (d, _) = await hr.Offered(manager, opening, expiresInDays: 10);
        await using var later = api.Variant(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new ShiftedTime(TimeSpan.FromDays(11)))));
        var hrLater = later.CreateClient();
        hrLater.DefaultRequestHeaders.Add("X-Api-Key", "demo-hr");
        await (await hrLater.PostAsync($"/api/candidates/{d.Id}/offer/accept", null)).ShouldBeProblem(409, "offer-expired");
        (await hrLater.Candidate(d.Id)).Offer.ShouldNotBeNull().Status.ShouldBe("Expired");
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
        var all = await hr.Candidates($"jobOpeningId={opening}");
        all.Total.ShouldBe(2);
        all.Items.Select(i => i.Id).ShouldBe([a.Id, b.Id]);
        all.Items[0].ShouldBe(new ListCandidatesEndpoint.Item(a.Id, a.SubjectId, opening, CandidateStage.Applied, a.Name, null, false));
        var shortlisted = await api.As("demo-clerk").Candidates($"jobOpeningId={opening}&stage=Shortlisted");
        shortlisted.Items.Select(i => i.Id).ShouldBe([b.Id]);
        shortlisted.Items[0].Stage.ShouldBe(CandidateStage.Shortlisted);
        var paged = await hr.Candidates($"jobOpeningId={opening}&pageSize=1&page=2");
        paged.Items.Select(i => i.Id).ShouldBe([b.Id]);
        paged.Number.ShouldBe(2);
        paged.PageSize.ShouldBe(1);
        paged.Total.ShouldBe(2);
        await (await hr.GetAsync("/api/candidates?stage=Sleeping")).ShouldBeProblem(400, "validation-failed");
        await (await hr.GetAsync("/api/candidates?pageSize=201")).ShouldBeProblem(400, "validation-failed");
        (await api.As("acme-admin").Candidates($"jobOpeningId={opening}")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Candidate_history_is_for_hr_managers_and_auditors()
    {
        var c = await hr.Apply(await hr.Opening());
        (await manager.GetAsync($"/api/candidates/{c.Id}/history").Ok<BackOffice.Api.Reads.AggregateHistory.History>()).Items.Count.ShouldBe(1);
        (await api.As("demo-auditor").GetAsync($"/api/candidates/{c.Id}/history").Ok<BackOffice.Api.Reads.AggregateHistory.History>()).Items.Count.ShouldBe(1);
        await (await api.As("demo-clerk").GetAsync($"/api/candidates/{c.Id}/history")).ShouldBeProblem(403, "forbidden");
        await (await hr.GetAsync($"/api/candidates/{Guid.NewGuid()}/history")).ShouldBeProblem(404, "not-found");
    }

    [Fact]
    public async Task Erasing_a_candidate_leaves_their_values_nowhere_and_gets_show_nulls()
    {
        var opening = await hr.Opening();
        var c = await hr.Shortlisted(opening);
        var screening = (await hr.Candidate(c.Id)).ScreeningNotes.ShouldNotBeNull();
        var interview = await hr.Interview(c.Id);
        var feedback = "Feedback about Ana " + RecruitingApi.Tag();
        await manager.PostJson($"/api/candidates/{c.Id}/interviews/{interview}/feedback", new { score = 4, recommendation = "Hire", notes = feedback }).Ok();
        var rejection = "Rejected because " + RecruitingApi.Tag();
        await hr.PostJson($"/api/candidates/{c.Id}/reject", new { reason = "Other", notes = rejection }).Ok();
        string[] values = [c.Name, c.Email, c.Phone, c.Resume, screening, feedback, rejection];
        (await DatabaseDump.AllTextAsync(ApiFixture.AllDatabases)).ShouldContain(feedback);

        ((int)(await hr.DeleteAsync($"/api/personal-data/{c.SubjectId}")).StatusCode).ShouldBe(204);
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        await DatabaseDump.ShouldContainNoneOf(ApiFixture.AllDatabases, values);

        // The strict typed read tells null from absent: every erased field is there, as null.
        var view = await hr.Candidate(c.Id);
        view.PersonalDataErased.ShouldBeTrue();
        view.Name.ShouldBeNull();
        view.Email.ShouldBeNull();
        view.Phone.ShouldBeNull();
        view.Resume.ShouldBeNull();
        view.ScreeningNotes.ShouldBeNull();
        view.Interviews[0].Feedback[0].Notes.ShouldBeNull();
        view.Interviews[0].Feedback[0].Score.ShouldBe(4);
        view.Stage.ShouldBe(CandidateStage.Rejected);
        var listed = (await hr.Candidates($"jobOpeningId={opening}")).Items[0];
        listed.Id.ShouldBe(c.Id);
        listed.Name.ShouldBeNull();
        listed.PersonalDataErased.ShouldBeTrue();
    }
}

/// <summary>The system clock moved by a fixed offset.</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
