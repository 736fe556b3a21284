namespace BackOffice.Domain.Recruiting;

/// <summary>
/// Where a candidate stands in the pipeline: <c>Applied → Screened → Shortlisted → Interviewing → Offered → Hired</c>,
/// plus <c>Rejected</c> and <c>Withdrawn</c> from any stage before <c>Hired</c>. Hired, Rejected and Withdrawn are terminal.
/// </summary>
public enum CandidateStage
{
    /// <summary>Applied, not yet screened.</summary>
    Applied,
    /// <summary>Passed screening.</summary>
    Screened,
    /// <summary>On the shortlist.</summary>
    Shortlisted,
    /// <summary>At least one interview was scheduled.</summary>
    Interviewing,
    /// <summary>An offer was extended (and possibly accepted, waiting for the hire).</summary>
    Offered,
    /// <summary>Became an employee (terminal).</summary>
    Hired,
    /// <summary>Rejected (terminal).</summary>
    Rejected,
    /// <summary>Withdrew or declined the offer (terminal).</summary>
    Withdrawn,
}

/// <summary>Why a candidate was rejected.</summary>
public enum RejectionReason
{
    /// <summary>The profile does not fit the position (also the reason of a failed screening).</summary>
    DoesNotFit,
    /// <summary>The position was filled by someone else.</summary>
    PositionFilled,
    /// <summary>A duplicate application.</summary>
    Duplicate,
    /// <summary>Not a genuine application.</summary>
    Spam,
    /// <summary>Another reason, explained in the notes (required).</summary>
    Other,
}
