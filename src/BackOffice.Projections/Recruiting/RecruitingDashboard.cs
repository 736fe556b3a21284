using BackOffice.Domain.Recruiting;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;

namespace BackOffice.Projections.Recruiting;

/// <summary>
/// One opening's line of the recruiting dashboard (document id: the opening id): title, positions, how many are filled,
/// whether it closed. With the candidates' lines (<see cref="RecruitingCandidateLine"/>) it makes the dashboard: each
/// daemon batch rewrites only the lines of the streams it touched. Holds ids, titles and counts: no personal value.
/// </summary>
public sealed class RecruitingOpeningLine
{
    /// <summary>The opening's id.</summary>
    public Guid Id { get; set; }
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
    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>
/// One candidate's line of the recruiting dashboard (document id: the candidate id): the opening, the current stage and
/// since when, the stages reached, the completed stays per stage (from the events' own timestamps) and the outstanding
/// offer. Holds ids, stages, times and amounts: no personal value.
/// </summary>
public sealed class RecruitingCandidateLine
{
    /// <summary>The candidate's id.</summary>
    public Guid Id { get; set; }
    /// <summary>The opening applied to.</summary>
    public Guid JobOpeningId { get; set; }
    /// <summary>Current stage.</summary>
    public CandidateStage Stage { get; set; }
    /// <summary>When the candidate entered the current stage.</summary>
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>The offer waiting for an answer, if any.</summary>
    public OutstandingOffer? Offer { get; set; }
    /// <summary>How many times the candidate reached each stage (stage name → count).</summary>
    public Dictionary<string, int> Reached { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Completed stays per stage (stage name → count and total seconds).</summary>
    public Dictionary<string, StageTime> TimeInStage { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Timestamp of the last event applied.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>Completed stays in one stage.</summary>
/// <param name="Count">How many candidates left the stage.</param>
/// <param name="TotalSeconds">Seconds they spent in it, summed.</param>
public sealed record StageTime(long Count, double TotalSeconds);

/// <summary>An extended offer not yet accepted or declined.</summary>
/// <param name="Salary">Offered salary.</param>
/// <param name="StartDate">Proposed first day.</param>
/// <param name="ExpiresOn">Last day to accept.</param>
/// <param name="ExtendedAt">When it was extended.</param>
public sealed record OutstandingOffer(decimal Salary, DateOnly StartDate, DateOnly ExpiresOn, DateTimeOffset ExtendedAt);

/// <summary>Builds <see cref="RecruitingOpeningLine"/> (async, one document per opening).</summary>
public sealed class RecruitingOpeningLineProjection : StreamLine<RecruitingOpeningLine, IJobOpeningEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "RecruitingOpenings";

    /// <summary>Takes the openings' events only.</summary>
    public RecruitingOpeningLineProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override RecruitingOpeningLine? Apply(RecruitingOpeningLine? snapshot, Guid id, IEvent e)
    {
        var d = snapshot ?? new RecruitingOpeningLine { Id = id };
        d.UpdatedAt = EventTime.Of(e);
        switch (e.Data)
        {
            case JobOpeningOpened o:
                d.Title = o.Title;
                d.DepartmentId = o.DepartmentId;
                d.Positions = o.Positions;
                break;
            case JobPositionFilled:
                d.Hired++;
                break;
            case JobOpeningClosed:
                d.Closed = true;
                break;
        }
        return d;
    }
}

/// <summary>Builds <see cref="RecruitingCandidateLine"/> (async, one document per candidate).</summary>
public sealed class RecruitingCandidateLineProjection : StreamLine<RecruitingCandidateLine, ICandidateEvent>
{
    /// <summary>The name of the projection (its progress row, its rebuild).</summary>
    public const string ProjectionName = "RecruitingCandidates";

    /// <summary>Takes the candidates' events only.</summary>
    public RecruitingCandidateLineProjection() : base(ProjectionName) { }

    /// <inheritdoc />
    protected override RecruitingCandidateLine? Apply(RecruitingCandidateLine? snapshot, Guid id, IEvent e)
    {
        var at = EventTime.Of(e);
        if (e.Data is CandidateApplied a)
        {
            var started = new RecruitingCandidateLine { Id = id, JobOpeningId = a.JobOpeningId, Stage = CandidateStage.Applied, EnteredAt = at, UpdatedAt = at };
            started.Reached[nameof(CandidateStage.Applied)] = 1;
            return started;
        }
        if (snapshot is null) return null;
        var d = snapshot;
        d.UpdatedAt = at;
        switch (e.Data)
        {
            case CandidateScreened { Passed: true }:
                Move(d, CandidateStage.Screened, at);
                break;
            case CandidateShortlisted:
                Move(d, CandidateStage.Shortlisted, at);
                break;
            case InterviewScheduled when d.Stage == CandidateStage.Shortlisted:
                Move(d, CandidateStage.Interviewing, at);
                break;
            case OfferExtended o:
                d.Offer = new OutstandingOffer(o.Salary, o.StartDate, o.ExpiresOn, at);
                Move(d, CandidateStage.Offered, at);
                break;
            case OfferAccepted or OfferDeclined:
                d.Offer = null;
                break;
            case CandidateRejected:
                Move(d, CandidateStage.Rejected, at);
                break;
            case CandidateWithdrawn:
                Move(d, CandidateStage.Withdrawn, at);
                break;
            case CandidateHired:
                Move(d, CandidateStage.Hired, at);
                break;
        }
        return d;
    }

    private static void Move(RecruitingCandidateLine d, CandidateStage stage, DateTimeOffset at)
    {
        if (d.Stage == stage) return;
        var left = d.Stage.ToString();
        var stay = Math.Max(0, (at - d.EnteredAt).TotalSeconds);
        d.TimeInStage[left] = d.TimeInStage.TryGetValue(left, out var time)
            ? new StageTime(time.Count + 1, time.TotalSeconds + stay)
            : new StageTime(1, stay);
        d.Stage = stage;
        d.EnteredAt = at;
        var reached = stage.ToString();
        d.Reached[reached] = d.Reached.GetValueOrDefault(reached) + 1;
    }
}
