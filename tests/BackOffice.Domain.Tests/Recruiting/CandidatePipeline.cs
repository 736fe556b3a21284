using BackOffice.Domain.Recruiting;

namespace BackOffice.Domain.Tests.Recruiting;

/// <summary>The contract's stage machine, written independently of the domain so that tests check it.</summary>
internal static class CandidatePipeline
{
    private static readonly (CandidateStage From, CandidateStage To)[] Forward =
    [
        (CandidateStage.Applied, CandidateStage.Screened),
        (CandidateStage.Screened, CandidateStage.Shortlisted),
        (CandidateStage.Shortlisted, CandidateStage.Interviewing),
        (CandidateStage.Interviewing, CandidateStage.Offered),
        (CandidateStage.Offered, CandidateStage.Hired),
    ];

    public static bool IsTerminal(CandidateStage stage) =>
        stage is CandidateStage.Hired or CandidateStage.Rejected or CandidateStage.Withdrawn;

    /// <summary>Staying put is always allowed; moving follows the pipeline or ends it (Rejected, Withdrawn) before Hired.</summary>
    public static bool IsAllowed(CandidateStage from, CandidateStage to) =>
        from == to
        || Forward.Contains((from, to))
        || (!IsTerminal(from) && to is CandidateStage.Rejected or CandidateStage.Withdrawn);
}
