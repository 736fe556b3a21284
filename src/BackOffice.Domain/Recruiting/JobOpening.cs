namespace BackOffice.Domain.Recruiting;

/// <summary>Where a job opening stands.</summary>
public enum JobOpeningStatus
{
    /// <summary>Takes applications and hires.</summary>
    Open,
    /// <summary>Every position is filled.</summary>
    Filled,
    /// <summary>Closed before being filled.</summary>
    Closed,
}

/// <summary>
/// A position (or several identical ones) the back office recruits for. An immutable state built from its events by
/// <see cref="Evolve"/>; its decision methods return the events a command causes or throw a <see cref="DomainException"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Title">Job title.</param>
/// <param name="DepartmentId">The hiring department.</param>
/// <param name="HiringManager">User name of the hiring manager, when named.</param>
/// <param name="Positions">How many people it hires.</param>
/// <param name="HiredCandidateIds">The candidates hired into it so far.</param>
/// <param name="Closed">Closed before being filled.</param>
public sealed partial record JobOpening(
    Guid Id, string Title, Guid DepartmentId, string? HiringManager, int Positions, IReadOnlyList<Guid> HiredCandidateIds, bool Closed)
{
    /// <summary>How many positions are filled.</summary>
    public int Hired => HiredCandidateIds.Count;

    /// <summary><c>Closed</c> when closed, <c>Filled</c> when every position is filled, else <c>Open</c>.</summary>
    public JobOpeningStatus Status => StatusOf(Closed, Hired, Positions);

    /// <summary>The opening-status rule, once: <c>Closed</c> when closed, <c>Filled</c> when every position is, else <c>Open</c>.</summary>
    /// <param name="closed">Closed by hand.</param>
    /// <param name="hired">Positions filled.</param>
    /// <param name="positions">Positions to fill.</param>
    public static JobOpeningStatus StatusOf(bool closed, int hired, int positions)
        => closed ? JobOpeningStatus.Closed : hired >= positions ? JobOpeningStatus.Filled : JobOpeningStatus.Open;

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static JobOpening? Evolve(JobOpening? state, object @event) => (state, @event) switch
    {
        (_, JobOpeningOpened e) => new JobOpening(e.JobOpeningId, e.Title, e.DepartmentId, e.HiringManager, e.Positions, [], false),
        (null, _) => null,
        (_, JobPositionFilled e) => state with { HiredCandidateIds = [.. state.HiredCandidateIds, e.CandidateId] },
        (_, JobOpeningClosed) => state with { Closed = true },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static JobOpening? From(IEnumerable<object> events) => events.Aggregate((JobOpening?)null, Evolve);

    /// <summary>Refuses with <see cref="ErrorCodes.JobOpeningNotOpen"/> unless the opening is open.</summary>
    /// <param name="action">What the opening would do, for the message ("take applications").</param>
    public void RequireOpen(string action)
    {
        if (Status != JobOpeningStatus.Open)
            throw new DomainException(ErrorCodes.JobOpeningNotOpen, $"Job opening '{Title}' is {Status} and cannot {action}.");
    }
}
