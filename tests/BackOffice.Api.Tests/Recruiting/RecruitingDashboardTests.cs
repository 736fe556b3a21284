using BackOffice.Domain.Recruiting;
using Marten.Events;
using Dashboard = BackOffice.Api.Recruiting.GetRecruitingDashboardEndpoint.Dashboard;

namespace BackOffice.Api.Tests.Recruiting;

[Collection(ApiCollection.Name)]
public class RecruitingDashboardTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");
    private readonly HttpClient manager = api.As("demo-manager");

    [Fact]
    public async Task The_dashboard_shows_the_funnel_conversion_time_in_stage_and_offers_outstanding()
    {
        var opening = await hr.Opening(positions: 2);
        var applied = await hr.Apply(opening);
        var rejected = await hr.Apply(opening);
        await hr.PostJson($"/api/candidates/{rejected.Id}/screen", new { passed = false }).Ok();
        var (offered, _) = await hr.Offered(manager, opening, expiresInDays: 9);
        await api.WaitForProjections(TimeSpan.FromSeconds(30));

        var response = await hr.GetAsync("/api/dashboards/recruiting");
        var d = await response.ShouldBe<Dashboard>(200);
        var funnel = d.Openings.Single(o => o.JobOpeningId == opening);
        funnel.Status.ShouldBe(JobOpeningStatus.Open);
        funnel.Positions.ShouldBe(2);
        var stages = funnel.Stages.ToDictionary(s => s.Stage);
        stages[CandidateStage.Applied].Reached.ShouldBe(3);
        stages[CandidateStage.Applied].Current.ShouldBe(1);
        stages[CandidateStage.Applied].Conversion.ShouldBe(1m);
        stages[CandidateStage.Screened].Reached.ShouldBe(1);
        stages[CandidateStage.Offered].Reached.ShouldBe(1);
        stages[CandidateStage.Offered].Current.ShouldBe(1);
        stages[CandidateStage.Offered].Conversion.ShouldBe(0.3333m);
        stages[CandidateStage.Rejected].Current.ShouldBe(1);
        stages[CandidateStage.Applied].AverageSecondsInStage.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
        stages[CandidateStage.Offered].AverageSecondsInStage.ShouldBeNull();
        d.AverageTimeInStage["Applied"].ShouldBeGreaterThanOrEqualTo(0);
        var offer = d.OffersOutstanding.ShouldNotBeNull().Single(o => o.CandidateId == offered.Id);
        offer.JobOpeningId.ShouldBe(opening);
        offer.Salary.ShouldBe(5200.50m);
        offer.ExpiresOn.ShouldBe(RecruitingApi.Date(9));
        offer.Expired.ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(applied.Name);

        // once accepted (and hired) the offer is no longer outstanding
        await hr.PostAsync($"/api/candidates/{offered.Id}/offer/accept", null).Ok();
        await hr.CandidateWhen(offered.Id, c => c.Stage == CandidateStage.Hired);
        await api.WaitForProjections(TimeSpan.FromSeconds(30));
        d = await hr.GetAsync("/api/dashboards/recruiting").Ok<Dashboard>();
        d.OffersOutstanding.ShouldNotBeNull().ShouldNotContain(o => o.CandidateId == offered.Id);
        funnel = d.Openings.Single(o => o.JobOpeningId == opening);
        funnel.Hired.ShouldBe(1);
        stages = funnel.Stages.ToDictionary(s => s.Stage);
        stages[CandidateStage.Hired].Current.ShouldBe(1);
        stages[CandidateStage.Offered].AverageSecondsInStage.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
    }
}
