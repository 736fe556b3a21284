using BackOffice.Api.Http;
using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Recruiting;
using Marten;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>GET /api/dashboards/recruiting</c>: the pipeline funnel per opening (candidates per stage now, how many ever
/// reached each stage and the conversion from application), the average time spent in each stage (from the events'
/// timestamps), and the offers outstanding. Built asynchronously: it may lag the latest command by a moment.
/// </summary>
public static class GetRecruitingDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed.</param>
    /// <param name="UpdatedAt">Timestamp of the last event the dashboard includes (null before any).</param>
    /// <param name="Openings">One funnel per opening, the newest opening first.</param>
    /// <param name="AverageTimeInStage">Over every opening: stage → average seconds spent in it by those who left it.</param>
    /// <param name="OffersOutstanding">Extended offers waiting for an answer, the soonest expiry first.</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<Funnel> Openings,
        IReadOnlyDictionary<string, double> AverageTimeInStage, IReadOnlyList<OutstandingOfferItem> OffersOutstanding);

    /// <summary>One opening's funnel.</summary>
    /// <param name="JobOpeningId">The opening.</param>
    /// <param name="Title">Its title.</param>
    /// <param name="Status">Open, Filled or Closed.</param>
    /// <param name="Positions">Positions to fill.</param>
    /// <param name="Hired">Positions filled.</param>
    /// <param name="Stages">Per stage, in pipeline order.</param>
    public sealed record Funnel(Guid JobOpeningId, string Title, JobOpeningStatus Status, int Positions, int Hired, IReadOnlyList<StageCount> Stages);

    /// <summary>One stage of a funnel.</summary>
    /// <param name="Stage">The stage.</param>
    /// <param name="Current">Candidates in the stage now.</param>
    /// <param name="Reached">Candidates who ever reached it.</param>
    /// <param name="Conversion">Reached ÷ applied (0–1, 4 decimals; 0 with no application).</param>
    /// <param name="AverageSecondsInStage">Average time spent in the stage by those who left it (null when none did).</param>
    public sealed record StageCount(CandidateStage Stage, int Current, int Reached, decimal Conversion, double? AverageSecondsInStage);

    /// <summary>An outstanding offer (ids and terms only).</summary>
    public sealed record OutstandingOfferItem(
        Guid CandidateId, Guid JobOpeningId, string Title, decimal Salary, DateOnly StartDate, DateOnly ExpiresOn, DateTimeOffset ExtendedAt, bool Expired);

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dashboards/recruiting", async (IDocumentStore store, RequestContext request, TimeProvider time, HttpContext http) =>
            {
                await using var session = store.QuerySession(request);
                var d = await session.LoadAsync<RecruitingDashboard>(RecruitingDashboard.Key, http.RequestAborted).ConfigureAwait(false)
                        ?? new RecruitingDashboard();
                return TypedResults.Ok(From(d, time.GetUtcNow()));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetRecruitingDashboard")
            .WithSummary("Recruiting dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    internal static Dashboard From(RecruitingDashboard d, DateTimeOffset now)
    {
        var stages = Enum.GetValues<CandidateStage>();
        var funnels = d.Openings.OrderByDescending(o => o.Key).Select(o =>
        {
            var f = o.Value;
            var current = d.Candidates.Values.Where(c => c.JobOpeningId == o.Key).GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Count());
            var applied = f.Reached.GetValueOrDefault(nameof(CandidateStage.Applied));
            var status = f.Closed ? JobOpeningStatus.Closed : f.Hired >= f.Positions ? JobOpeningStatus.Filled : JobOpeningStatus.Open;
            return new Funnel(o.Key, f.Title, status, f.Positions, f.Hired, [.. stages.Select(s =>
            {
                var reached = f.Reached.GetValueOrDefault(s.ToString());
                var time = f.TimeInStage.GetValueOrDefault(s.ToString());
                return new StageCount(s, current.GetValueOrDefault(s), reached,
                    applied == 0 ? 0 : Math.Round((decimal)reached / applied, 4),
                    time is { Count: > 0 } ? time.TotalSeconds / time.Count : null);
            })]);
        }).ToList();
        var average = stages.Select(s => (Stage: s.ToString(), Times: d.Openings.Values.Select(f => f.TimeInStage.GetValueOrDefault(s.ToString())).OfType<StageTime>().ToList()))
            .Where(x => x.Times.Sum(t => t.Count) > 0)
            .ToDictionary(x => x.Stage, x => x.Times.Sum(t => t.TotalSeconds) / x.Times.Sum(t => t.Count));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var offers = d.Candidates.Where(c => c.Value.Stage == CandidateStage.Offered && c.Value.Offer is not null)
            .Select(c => (Id: c.Key, Track: c.Value, Offer: c.Value.Offer!))
            .OrderBy(c => c.Offer.ExpiresOn).ThenBy(c => c.Id)
            .Select(c => new OutstandingOfferItem(c.Id, c.Track.JobOpeningId, d.Openings.GetValueOrDefault(c.Track.JobOpeningId)?.Title ?? "",
                c.Offer.Salary, c.Offer.StartDate, c.Offer.ExpiresOn, c.Offer.ExtendedAt, today > c.Offer.ExpiresOn))
            .ToList();
        return new Dashboard(now, d.UpdatedAt, funnels, average, offers);
    }
}
