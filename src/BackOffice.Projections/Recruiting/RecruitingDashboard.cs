using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BackOffice.Projections.Recruiting;

/// <summary>
/// The recruiting dashboard of one tenant (one document, id <see cref="Key"/>): per opening, how many candidates
/// reached each stage and how long they stayed in each stage (from the events' own timestamps); per candidate, the
/// current stage, since when, and the outstanding offer. Holds ids, stages, times and amounts: no personal value.
/// </summary>
public sealed class RecruitingDashboard
{
    /// <summary>The id of the single dashboard document of a tenant.</summary>
    public const string Key = "recruiting";

    /// <summary>Document id (always <see cref="Key"/>).</summary>
    public string Id { get; set; } = Key;

    /// <summary>Every opening, by id.</summary>
    public Dictionary<Guid, OpeningFunnel> Openings { get; set; } = [];

    /// <summary>Every candidate's position in the pipeline, by candidate id.</summary>
    public Dictionary<Guid, CandidateTrack> Candidates { get; set; } = [];

    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>One opening's funnel.</summary>
public sealed class OpeningFunnel
{
    /// <summary>Job title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Hiring department.</summary>
    public Guid DepartmentId { get; set; }
    /// <summary>Positions to fill.</summary>
    public int Positions { get; set; }
    /// <summary>Positions filled.</summary>
    public int Hired { get; set; }
    /// <summary>Closed before being filled.</summary>
    public bool Closed { get; set; }
    /// <summary>How many candidates ever reached each stage (stage name → count).</summary>
    public Dictionary<string, int> Reached { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Completed stays per stage (stage name → count and total seconds).</summary>
    public Dictionary<string, StageTime> TimeInStage { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Completed stays in one stage.</summary>
/// <param name="Count">How many candidates left the stage.</param>
/// <param name="TotalSeconds">Seconds they spent in it, summed.</param>
public sealed record StageTime(long Count, double TotalSeconds);

/// <summary>A candidate's current stage and outstanding offer.</summary>
/// <param name="JobOpeningId">The opening applied to.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="EnteredAt">When the candidate entered it.</param>
/// <param name="Offer">The offer waiting for an answer, if any.</param>
public sealed record CandidateTrack(Guid JobOpeningId, CandidateStage Stage, DateTimeOffset EnteredAt, OutstandingOffer? Offer);

/// <summary>An extended offer not yet accepted or declined.</summary>
/// <param name="Salary">Offered salary.</param>
/// <param name="StartDate">Proposed first day.</param>
/// <param name="ExpiresOn">Last day to accept.</param>
/// <param name="ExtendedAt">When it was extended.</param>
public sealed record OutstandingOffer(decimal Salary, DateOnly StartDate, DateOnly ExpiresOn, DateTimeOffset ExtendedAt);

/// <summary>Builds <see cref="RecruitingDashboard"/> (async, one document per tenant).</summary>
public sealed class RecruitingDashboardProjection : MultiStreamProjection<RecruitingDashboard, string>
{
    /// <summary>Every recruiting event goes to the tenant's one dashboard.</summary>
    public RecruitingDashboardProjection()
    {
        Identity<IJobOpeningEvent>(_ => RecruitingDashboard.Key);
        Identity<ICandidateEvent>(_ => RecruitingDashboard.Key);
    }

    /// <inheritdoc />
    public override RecruitingDashboard? Evolve(RecruitingDashboard? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = snapshot ?? new RecruitingDashboard();
        var at = EventTime.Of(e);
        d.UpdatedAt = at;
        switch (e.Data)
        {
            case JobOpeningOpened o:
                d.Openings[o.JobOpeningId] = new OpeningFunnel { Title = o.Title, DepartmentId = o.DepartmentId, Positions = o.Positions };
                break;
            case JobPositionFilled f when d.Openings.TryGetValue(f.JobOpeningId, out var filled):
                filled.Hired++;
                break;
            case JobOpeningClosed c when d.Openings.TryGetValue(c.JobOpeningId, out var closed):
                closed.Closed = true;
                break;
            case CandidateApplied a:
                d.Candidates[a.CandidateId] = new CandidateTrack(a.JobOpeningId, CandidateStage.Applied, at, null);
                Reach(d, a.JobOpeningId, CandidateStage.Applied);
                break;
            case CandidateScreened { Passed: true } s:
                Move(d, s.CandidateId, CandidateStage.Screened, at);
                break;
            case CandidateShortlisted s:
                Move(d, s.CandidateId, CandidateStage.Shortlisted, at);
                break;
            case InterviewScheduled i when d.Candidates.TryGetValue(i.CandidateId, out var t) && t.Stage == CandidateStage.Shortlisted:
                Move(d, i.CandidateId, CandidateStage.Interviewing, at);
                break;
            case OfferExtended o when d.Candidates.TryGetValue(o.CandidateId, out var t):
                d.Candidates[o.CandidateId] = t with { Offer = new OutstandingOffer(o.Salary, o.StartDate, o.ExpiresOn, at) };
                Move(d, o.CandidateId, CandidateStage.Offered, at);
                break;
            case OfferAccepted x when d.Candidates.TryGetValue(x.CandidateId, out var t):
                d.Candidates[x.CandidateId] = t with { Offer = null };
                break;
            case OfferDeclined x when d.Candidates.TryGetValue(x.CandidateId, out var t):
                d.Candidates[x.CandidateId] = t with { Offer = null };
                break;
            case CandidateRejected r:
                Move(d, r.CandidateId, CandidateStage.Rejected, at);
                break;
            case CandidateWithdrawn w:
                Move(d, w.CandidateId, CandidateStage.Withdrawn, at);
                break;
            case CandidateHired h:
                Move(d, h.CandidateId, CandidateStage.Hired, at);
                break;
        }
        return d;
    }

    private static void Move(RecruitingDashboard d, Guid candidateId, CandidateStage stage, DateTimeOffset at)
    {
        if (!d.Candidates.TryGetValue(candidateId, out var track) || track.Stage == stage) return;
        if (d.Openings.TryGetValue(track.JobOpeningId, out var funnel))
        {
            var key = track.Stage.ToString();
            var stay = Math.Max(0, (at - track.EnteredAt).TotalSeconds);
            funnel.TimeInStage[key] = funnel.TimeInStage.TryGetValue(key, out var time)
                ? new StageTime(time.Count + 1, time.TotalSeconds + stay)
                : new StageTime(1, stay);
        }
        d.Candidates[candidateId] = track with { Stage = stage, EnteredAt = at };
        Reach(d, track.JobOpeningId, stage);
    }

    private static void Reach(RecruitingDashboard d, Guid openingId, CandidateStage stage)
    {
        if (!d.Openings.TryGetValue(openingId, out var funnel)) return;
        var key = stage.ToString();
        funnel.Reached[key] = funnel.Reached.GetValueOrDefault(key) + 1;
    }
}
