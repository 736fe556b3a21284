using BackOffice.Api.Recruiting;
using BackOffice.Api.Tests.Inventory;
using Marten;
using Marten.Events;

namespace BackOffice.Api.Tests.Recruiting;

/// <summary>
/// Security review, finding 1 (high): free text about a candidate and the offer are not every role's to read.
/// Résumé, screening notes and offers (salary) go to hr only; an interview's feedback notes to hr and that
/// interview's interviewers (http-api.md, "Reads").
/// </summary>
[Collection(ApiCollection.Name)]
public class CandidateReadAccessTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");
    private readonly HttpClient manager = api.As("demo-manager");

    private async Task<GetCandidateEndpoint.CandidateView> Read(string key, Guid id)
        => await (await api.As(key).GetAsync($"/api/candidates/{id}")).ShouldBe<GetCandidateEndpoint.CandidateView>(200);

    [Fact]
    public async Task Only_hr_reads_the_resume_the_screening_notes_and_the_offer()
    {
        var opening = await hr.Opening(positions: 3);
        var (c, _) = await hr.Offered(manager, opening);

        var full = await Read("demo-hr", c.Id);
        full.Resume.ShouldBe(c.Resume);
        full.ScreeningNotes.ShouldNotBeNullOrEmpty();
        full.Offer.ShouldNotBeNull().Salary.ShouldBe(5200.50m);
        (await Read("demo-admin", c.Id)).Offer.ShouldNotBeNull();

        foreach (var key in new[] { "demo-clerk", "demo-accountant", "demo-it", "demo-auditor", "demo-manager" })
        {
            var view = await Read(key, c.Id);
            view.Resume.ShouldBeNull(key);
            view.ScreeningNotes.ShouldBeNull(key);
            view.Offer.ShouldBeNull(key);
            // What is not restricted stays readable.
            view.Stage.ShouldBe(full.Stage, key);
            view.Name.ShouldBe(c.Name, key);
        }
        var raw = await (await api.As("demo-clerk").GetAsync($"/api/candidates/{c.Id}")).Content.ReadAsStringAsync();
        raw.ShouldNotContain(c.Resume);
        raw.ShouldNotContain("5200.5");
    }

    [Fact]
    public async Task An_interviewer_reads_the_notes_of_their_own_interview_only()
    {
        var opening = await hr.Opening(positions: 3);
        var c = await hr.Shortlisted(opening);
        var first = await hr.Interview(c.Id, "demo-manager", "demo-it");
        var second = await hr.Interview(c.Id, "demo-accountant");
        await manager.PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 4, recommendation = "Hire", notes = "Manager notes" }).Ok();
        await api.As("demo-it").PostJson($"/api/candidates/{c.Id}/interviews/{first}/feedback", new { score = 3, recommendation = "Unsure", notes = "IT notes" }).Ok();
        await api.As("demo-accountant").PostJson($"/api/candidates/{c.Id}/interviews/{second}/feedback", new { score = 2, recommendation = "NoHire", notes = "Accountant notes" }).Ok();

        static IEnumerable<string?> Notes(GetCandidateEndpoint.CandidateView v, int interview) => v.Interviews[interview].Feedback.Select(f => f.Notes);

        var asHr = await Read("demo-hr", c.Id);
        Notes(asHr, 0).ShouldBe(["Manager notes", "IT notes"]);
        Notes(asHr, 1).ShouldBe(["Accountant notes"]);

        var asIt = await Read("demo-it", c.Id);
        Notes(asIt, 0).ShouldBe(["Manager notes", "IT notes"]);
        Notes(asIt, 1).ShouldBe([null]);
        asIt.Resume.ShouldBeNull();

        var asAccountant = await Read("demo-accountant", c.Id);
        Notes(asAccountant, 0).ShouldBe([null, null]);
        Notes(asAccountant, 1).ShouldBe(["Accountant notes"]);

        var asClerk = await Read("demo-clerk", c.Id);
        asClerk.Interviews.SelectMany(i => i.Feedback).ShouldAllBe(f => f.Notes == null);
        // Scores and recommendations are not free text: everyone sees them.
        asClerk.Interviews[0].Feedback.Select(f => f.Score).ShouldBe([4, 3]);
    }

    [Fact]
    public async Task The_recruiting_dashboard_shows_offers_and_salaries_to_hr_only()
    {
        var opening = await hr.Opening(positions: 2);
        var (c, _) = await hr.Offered(manager, opening);
        await api.WaitForProjections(TimeSpan.FromSeconds(30));

        var asHr = await (await hr.GetAsync("/api/dashboards/recruiting")).ShouldBe<GetRecruitingDashboardEndpoint.Dashboard>(200);
        asHr.OffersOutstanding.ShouldNotBeNull().ShouldContain(o => o.CandidateId == c.Id && o.Salary == 5200.50m);
        foreach (var key in new[] { "demo-clerk", "demo-manager", "demo-auditor" })
        {
            var response = await api.As(key).GetAsync("/api/dashboards/recruiting");
            var other = await response.ShouldBe<GetRecruitingDashboardEndpoint.Dashboard>(200);
            other.OffersOutstanding.ShouldBeNull(key);
            other.Openings.ShouldContain(o => o.JobOpeningId == opening, key);
        }
    }
}
