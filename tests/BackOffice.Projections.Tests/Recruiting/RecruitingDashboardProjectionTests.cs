using BackOffice.Domain.Inventory;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Recruiting;
using JasperFx.Events;

namespace BackOffice.Projections.Tests.Recruiting;

/// <summary>The recruiting dashboard's lines, folded directly from events carrying their own timestamps.</summary>
public class RecruitingDashboardProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Candidate = Guid.CreateVersion7();
    private static readonly Guid Subject = Guid.CreateVersion7();
    private static readonly Guid Opening = Guid.CreateVersion7();

    private static RecruitingCandidateLine? Fold(params (object Data, int Minutes)[] events)
    {
        var projection = new RecruitingCandidateLineProjection();
        RecruitingCandidateLine? line = null;
        foreach (var (data, minutes) in events)
            line = projection.Evolve(line, Candidate, new Event<object>(data) { Timestamp = T0.AddMinutes(minutes) });
        return line;
    }

    [Fact]
    public void A_candidate_line_counts_the_stages_reached_and_the_time_spent_in_each()
    {
        var line = Fold(
            (new CandidateApplied(Candidate, Subject, Opening, true), 0),
            (new CandidateScreened(Candidate, Subject, true, false), 10),
            (new CandidateShortlisted(Candidate, Subject), 30),
            (new OfferExtended(Candidate, Subject, 50_000m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 1)), 90),
            (new OfferDeclined(Candidate, Subject, false), 100))!;

        line.JobOpeningId.ShouldBe(Opening);
        line.Stage.ShouldBe(CandidateStage.Offered);
        line.EnteredAt.ShouldBe(T0.AddMinutes(90));
        line.Offer.ShouldBeNull();
        line.Reached.Keys.ShouldBe(["Applied", "Screened", "Shortlisted", "Offered"], ignoreOrder: true);
        line.TimeInStage["Applied"].ShouldBe(new StageTime(1, 600));
        line.TimeInStage["Screened"].ShouldBe(new StageTime(1, 1_200));
        line.TimeInStage["Shortlisted"].ShouldBe(new StageTime(1, 3_600));
        line.TimeInStage.ContainsKey("Offered").ShouldBeFalse();
        line.UpdatedAt.ShouldBe(T0.AddMinutes(100));
    }

    [Fact]
    public void A_failed_screening_keeps_the_stage_and_events_before_the_application_make_no_line()
    {
        Fold((new CandidateScreened(Candidate, Subject, true, false), 0)).ShouldBeNull();
        var line = Fold((new CandidateApplied(Candidate, Subject, Opening, false), 0), (new CandidateScreened(Candidate, Subject, false, true), 5))!;
        line.Stage.ShouldBe(CandidateStage.Applied);
        line.TimeInStage.ShouldBeEmpty();
    }

    [Fact]
    public void Each_line_takes_only_its_own_streams_events()
    {
        var candidates = new RecruitingCandidateLineProjection();
        candidates.Name.ShouldBe("RecruitingCandidates");
        candidates.IncludedEventTypes.ShouldContain(typeof(CandidateHired));
        candidates.IncludedEventTypes.ShouldNotContain(typeof(JobOpeningOpened));
        candidates.IncludedEventTypes.ShouldNotContain(typeof(StockReceived));
        var openings = new RecruitingOpeningLineProjection();
        openings.IncludedEventTypes.ShouldContain(typeof(JobPositionFilled));
        openings.IncludedEventTypes.ShouldNotContain(typeof(CandidateApplied));
    }
}
