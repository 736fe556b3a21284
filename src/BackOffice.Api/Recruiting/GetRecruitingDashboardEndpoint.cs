using BackOffice.Api.Identity;
using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Recruiting;
using Marten;

namespace BackOffice.Api.Recruiting;

/// <summary>
/// <c>GET /api/dashboards/recruiting</c>: the pipeline funnel per opening (candidates per stage now, how many ever
/// reached each stage and the conversion from application), the average time spent in each stage (from the events'
/// timestamps), and the offers outstanding (hr only). Built asynchronously: it may lag the latest command by a moment.
/// </summary>
public static class GetRecruitingDashboardEndpoint
{
    /// <summary>The dashboard.</summary>
    /// <param name="GeneratedAt">When this answer was computed.</param>
    /// <param name="UpdatedAt">Timestamp of the last event the dashboard includes (null before any).</param>
    /// <param name="Openings">One funnel per opening, the newest opening first.</param>
    /// <param name="AverageTimeInStage">Over every opening: stage → average seconds spent in it by those who left it.</param>
    /// <param name="OffersOutstanding">Extended offers waiting for an answer, the soonest expiry first (hr only: null for every other role).</param>
    public sealed record Dashboard(
        DateTimeOffset GeneratedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<Funnel> Openings,
        IReadOnlyDictionary<string, double> AverageTimeInStage, IReadOnlyList<OutstandingOfferItem>? OffersOutstanding);

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
                return TypedResults.Ok(await LoadAsync(session, request, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false));
            })
            .RequireAuthorization(Roles.AnyUser)
            .WithTags("Dashboards")
            .WithName("GetRecruitingDashboard")
            .WithSummary("Recruiting dashboard")
            .Produces<Dashboard>()
            .ProducesReadProblems();

    /// <summary>
    /// The dashboard of the session's tenant at <paramref name="now"/> as <paramref name="request"/>'s caller may read it
    /// (the API route and the console read it here).
    /// </summary>
    internal static async Task<Dashboard> LoadAsync(IQuerySession session, RequestContext request, DateTimeOffset now, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var openings = batch.Query<RecruitingOpeningLine>().ToList();
        var candidates = batch.Query<RecruitingCandidateLine>().ToList();
        await batch.Execute(cancellation).ConfigureAwait(false);
        var dashboard = From(await openings.ConfigureAwait(false), await candidates.ConfigureAwait(false), now);
        // Offers and their salaries are hr's (http-api.md, "Reads").
        return CandidateReadAccess.Of(request).Offers ? dashboard : dashboard with { OffersOutstanding = null };
    }

    internal static Dashboard From(IReadOnlyList<RecruitingOpeningLine> openings, IReadOnlyList<RecruitingCandidateLine> candidates, DateTimeOffset now)
    {
        var stages = Enum.GetValues<CandidateStage>();
        var known = openings.ToDictionary(o => o.Id);
        var byOpening = candidates.Where(c => known.ContainsKey(c.JobOpeningId)).ToLookup(c => c.JobOpeningId);
        var funnels = openings.OrderByDescending(o => o.Id).Select(f =>
        {
            var mine = byOpening[f.Id].ToList();
            var current = mine.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Count());
            int Reached(CandidateStage s) => mine.Sum(c => c.Reached.GetValueOrDefault(s.ToString()));
            var applied = Reached(CandidateStage.Applied);
            var status = JobOpening.StatusOf(f.Closed, f.Hired, f.Positions);
            return new Funnel(f.Id, f.Title, status, f.Positions, f.Hired, [.. stages.Select(s =>
            {
                var reached = Reached(s);
                var stays = mine.Select(c => c.TimeInStage.GetValueOrDefault(s.ToString())).OfType<StageTime>();
                return new StageCount(s, current.GetValueOrDefault(s), reached,
                    Domain.Recruiting.Funnel.Conversion(reached, applied), Domain.Recruiting.Funnel.AverageSeconds(stays.Select(t => (t.TotalSeconds, t.Count))));
            })]);
        }).ToList();
        var average = stages.Select(s => (Stage: s.ToString(), Seconds: Domain.Recruiting.Funnel.AverageSeconds(byOpening.SelectMany(g => g)
                .Select(c => c.TimeInStage.GetValueOrDefault(s.ToString())).OfType<StageTime>().Select(t => (t.TotalSeconds, t.Count)))))
            .Where(x => x.Seconds is not null)
            .ToDictionary(x => x.Stage, x => x.Seconds!.Value);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var offers = candidates.Where(c => c.Stage == CandidateStage.Offered && c.Offer is not null)
            .OrderBy(c => c.Offer!.ExpiresOn).ThenBy(c => c.Id)
            .Select(c => new OutstandingOfferItem(c.Id, c.JobOpeningId, known.GetValueOrDefault(c.JobOpeningId)?.Title ?? "",
                c.Offer!.Salary, c.Offer.StartDate, c.Offer.ExpiresOn, c.Offer.ExtendedAt, today > c.Offer.ExpiresOn))
            .ToList();
        var updatedAt = openings.Select(o => o.UpdatedAt).Concat(candidates.Select(c => c.UpdatedAt)).Max();
        return new Dashboard(now, updatedAt, funnels, average, offers);
    }
}
