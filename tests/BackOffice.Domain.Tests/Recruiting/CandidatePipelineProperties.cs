using BackOffice.Domain.Recruiting;
using CsCheck;
using static BackOffice.Domain.Tests.Recruiting.CandidateHistory;

namespace BackOffice.Domain.Tests.Recruiting;

/// <summary>
/// For random sequences of candidate commands (valid or not, in any order, with time passing), the stage only moves
/// along the contract's transitions, terminal stages stay terminal, and Hired only follows an accepted offer.
/// </summary>
public class CandidatePipelineProperties
{
    private static readonly string[] Users = ["ann", "bob", "carol", "hilda"];

    /// <summary>A command to try: Kind picks the command (12+ = "the next step of the happy path", to reach the late stages often).</summary>
    public sealed record Move(int Kind, int A, int B, bool Flag, int Days);

    private static readonly Gen<Move> MoveGen =
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 5], Gen.Int[-2, 9], Gen.Bool, Gen.Int[0, 4], (k, a, b, f, d) => new Move(k, a, b, f, d));

    [Fact]
    public void Stage_only_moves_along_allowed_transitions()
    {
        var reachedHired = 0;
        MoveGen.Array[1, 40].Sample(steps =>
        {
            if (Run(steps)) Interlocked.Increment(ref reachedHired);
        }, iter: 2_000);
        reachedHired.ShouldBeGreaterThan(0, "the generator should reach Hired at least once");
    }

    /// <summary>Runs the steps and checks the invariants after each; returns whether the candidate was hired.</summary>
    private static bool Run(Move[] moves)
    {
        var history = new List<object> { Applied };
        var candidate = Given(Applied).State;
        var now = Spec.Now;
        var ids = 1000;
        foreach (var step in moves)
        {
            now = now.AddDays(step.Days);
            var user = Users[step.A % Users.Length];
            var context = new DecisionContext(user, now, () => Spec.Id(++ids));
            IReadOnlyList<ICandidateEvent> events;
            try
            {
                events = Decide(candidate, step, context);
            }
            catch (DomainException)
            {
                continue;
            }

            if (CandidatePipeline.IsTerminal(candidate.Stage))
                events.ShouldBeEmpty($"a {candidate.Stage} candidate produced events");
            var before = candidate;
            foreach (var e in events)
            {
                var previous = candidate;
                candidate = Candidate.Evolve(candidate, e).ShouldNotBeNull();
                CandidatePipeline.IsAllowed(previous.Stage, candidate.Stage).ShouldBeTrue($"{previous.Stage} → {candidate.Stage} by {e.GetType().Name}");
                if (candidate.Stage == CandidateStage.Hired && previous.Stage != CandidateStage.Hired)
                    previous.Offer.ShouldNotBeNull().Status.ShouldBe(OfferStatus.Accepted);
            }

            history.AddRange(events);
            Candidate.From(history).ShouldNotBeNull().Stage.ShouldBe(candidate.Stage);
            if (candidate.Stage == CandidateStage.Offered && before.Stage != CandidateStage.Offered)
                before.HasFeedback.ShouldBeTrue("an offer needs feedback");
        }

        return candidate.Stage == CandidateStage.Hired;
    }

    private static IReadOnlyList<ICandidateEvent> Decide(Candidate c, Move s, DecisionContext context)
    {
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        Guid Interview() => c.Interviews.Count == 0 ? Spec.Id(999) : c.Interviews[s.A % c.Interviews.Count].InterviewId;
        var kind = s.Kind < 12 ? s.Kind : HappyPath(c);
        return kind switch
        {
            0 => c.Screen(new ScreenCandidate(s.Kind >= 12 || s.Flag, s.Flag ? "notes" : null)),
            1 => c.Shortlist(new ShortlistCandidate()),
            2 => c.Schedule(new ScheduleInterview(context.Now.AddHours(s.B), [Users[s.A % Users.Length], Users[(s.A + 1) % Users.Length]], "Room"), context),
            3 => c.Reschedule(new RescheduleInterview(Interview(), context.Now.AddHours(s.B)), context),
            4 => c.Cancel(new CancelInterview(Interview(), "reason")),
            5 => s.Kind >= 12
                ? c.RecordFeedback(new RecordInterviewFeedback(Interview(), 4, Recommendation.Hire), context, actingAsHr: true)
                : c.RecordFeedback(new RecordInterviewFeedback(Interview(), s.B, (Recommendation)(s.A % 4), null), context, s.Flag),
            6 => c.Extend(new ExtendOffer(s.B * 1000.5m, today.AddDays(s.A), today.AddDays(s.B)), context),
            7 => c.Accept(new AcceptOffer(), context),
            8 => c.Decline(new DeclineOffer(s.Flag ? "why" : null)),
            9 => c.Reject(new RejectCandidate((RejectionReason)(s.A % 6), s.Flag ? "notes" : null)),
            10 => c.Withdraw(new WithdrawCandidate(s.Flag ? "why" : null)),
            _ => c.MarkHired(new MarkCandidateHired(Spec.Id(900 + (s.A % 2)))),
        };
    }

    /// <summary>The command that moves the candidate one step forward (the generator's bias towards the late stages).</summary>
    private static int HappyPath(Candidate c) => c.Stage switch
    {
        CandidateStage.Applied => 0,
        CandidateStage.Screened => 1,
        CandidateStage.Shortlisted => 2,
        CandidateStage.Interviewing => c.HasFeedback ? 6 : 5,
        CandidateStage.Offered => c.Offer!.Status == OfferStatus.Accepted ? 11 : 7,
        _ => 11,
    };
}
