using BackOffice.Api.Tests.Inventory;
using Marten.Events;

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
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var d = await (await hr.GetAsync("/api/dashboards/recruiting")).ShouldBeJson(200);
        var funnel = d.GetProperty("openings").EnumerateArray().Single(o => o.GetProperty("jobOpeningId").GetGuid() == opening);
        funnel.GetProperty("status").GetString().ShouldBe("Open");
        funnel.GetProperty("positions").GetInt32().ShouldBe(2);
        var stages = funnel.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        stages["Applied"].GetProperty("reached").GetInt32().ShouldBe(3);
        stages["Applied"].GetProperty("current").GetInt32().ShouldBe(1);
        stages["Applied"].GetProperty("conversion").GetDecimal().ShouldBe(1m);
        stages["Screened"].GetProperty("reached").GetInt32().ShouldBe(1);
        stages["Offered"].GetProperty("reached").GetInt32().ShouldBe(1);
        stages["Offered"].GetProperty("current").GetInt32().ShouldBe(1);
        stages["Offered"].GetProperty("conversion").GetDecimal().ShouldBe(0.3333m);
        stages["Rejected"].GetProperty("current").GetInt32().ShouldBe(1);
        stages["Applied"].GetProperty("averageSecondsInStage").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        stages["Offered"].GetProperty("averageSecondsInStage").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        d.GetProperty("averageTimeInStage").GetProperty("Applied").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var offer = d.GetProperty("offersOutstanding").EnumerateArray().Single(o => o.GetProperty("candidateId").GetGuid() == offered.Id);
        offer.GetProperty("salary").GetDecimal().ShouldBe(5200.50m);
        offer.GetProperty("expiresOn").GetString().ShouldBe(RecruitingApi.Day(9));
        offer.GetProperty("expired").GetBoolean().ShouldBeFalse();
        d.GetRawText().ShouldNotContain(applied.Name);

        // once accepted (and hired) the offer is no longer outstanding
        await hr.PostAsync($"/api/candidates/{offered.Id}/offer/accept", null).Ok();
        await hr.CandidateWhen(offered.Id, c => c.GetProperty("stage").GetString() == "Hired");
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        d = await (await hr.GetAsync("/api/dashboards/recruiting")).ShouldBeJson(200);
        d.GetProperty("offersOutstanding").EnumerateArray().ShouldNotContain(o => o.GetProperty("candidateId").GetGuid() == offered.Id);
        funnel = d.GetProperty("openings").EnumerateArray().Single(o => o.GetProperty("jobOpeningId").GetGuid() == opening);
        funnel.GetProperty("hired").GetInt32().ShouldBe(1);
        stages = funnel.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        stages["Hired"].GetProperty("current").GetInt32().ShouldBe(1);
        stages["Offered"].GetProperty("averageSecondsInStage").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }
}
