using BackOffice.Domain.Recruiting;
using static BackOffice.Domain.Tests.Recruiting.CandidateHistory;

namespace BackOffice.Domain.Tests.Recruiting;

/// <summary>
/// Every command in every stage: refused with the expected code, or allowed — and then it must leave the candidate in
/// the expected stage and make its own change (<see cref="Effect"/>), so a decision that silently changes nothing fails.
/// </summary>
public class CandidateTransitionSpecs
{
    private const string Stage = ErrorCodes.StageTransitionNotAllowed;
    private const string Missing = ErrorCodes.NotFound;

    /// <summary>The allowed cells: the stage after the command, or <see cref="Unchanged"/> (an idempotent repeat: no event).</summary>
    private static class Then
    {
        private const string Prefix = "→ ";
        public const string Screened = Prefix + nameof(CandidateStage.Screened);
        public const string Shortlisted = Prefix + nameof(CandidateStage.Shortlisted);
        public const string Interviewing = Prefix + nameof(CandidateStage.Interviewing);
        public const string Offered = Prefix + nameof(CandidateStage.Offered);
        public const string Hired = Prefix + nameof(CandidateStage.Hired);
        public const string Rejected = Prefix + nameof(CandidateStage.Rejected);
        public const string Withdrawn = Prefix + nameof(CandidateStage.Withdrawn);
        public const string Unchanged = "= (no event)";

        public static bool IsStage(string cell, out CandidateStage stage)
        {
            stage = default;
            return cell.StartsWith(Prefix, StringComparison.Ordinal) && Enum.TryParse(cell[Prefix.Length..], out stage);
        }
    }

    private static readonly string[] Commands =
        ["Screen", "Shortlist", "Schedule", "Reschedule", "CancelInterview", "Feedback", "Offer", "Accept", "Decline", "Reject", "Withdraw", "MarkHired"];

    // One row per stage, one column per command (same order as Commands).
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["Applied"] = [Then.Screened, Stage, Stage, Missing, Missing, Missing, Stage, Stage, Stage, Then.Rejected, Then.Withdrawn, Stage],
        ["Screened"] = [Stage, Then.Shortlisted, Stage, Missing, Missing, Missing, Stage, Stage, Stage, Then.Rejected, Then.Withdrawn, Stage],
        ["Shortlisted"] = [Stage, Stage, Then.Interviewing, Missing, Missing, Missing, Stage, Stage, Stage, Then.Rejected, Then.Withdrawn, Stage],
        ["Interviewing"] = [Stage, Stage, Then.Interviewing, Then.Interviewing, Then.Interviewing, Then.Interviewing, Then.Offered, Stage, Stage, Then.Rejected, Then.Withdrawn, Stage],
        ["Offered"] = [Stage, Stage, Stage, Stage, Then.Offered, Then.Offered, Stage, Then.Offered, Then.Withdrawn, Then.Rejected, Then.Withdrawn, Stage],
        ["OfferAccepted"] = [Stage, Stage, Stage, Stage, Then.Offered, Then.Offered, Stage, Then.Unchanged, ErrorCodes.OfferNotOutstanding, Then.Rejected, Then.Withdrawn, Then.Hired],
        ["Hired"] = [Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Then.Unchanged],
        ["Rejected"] = [Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage],
        ["Withdrawn"] = [Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage],
    };

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (stage, row) in Expected)
            for (var i = 0; i < Commands.Length; i++) data.Add(stage, Commands[i], row[i]);
        return data;
    }

    private static readonly DateTimeOffset NewInterviewAt = Spec.Now.AddDays(3);
    private static readonly DateTimeOffset RescheduledAt = Spec.Now.AddDays(4);
    private static readonly Offer NewOffer = new(50_000m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5), OfferStatus.Extended);
    private static readonly InterviewFeedback CarolsFeedback = new("carol", 3, Recommendation.Unsure);

    private static IReadOnlyList<ICandidateEvent> Run(Candidate candidate, string command)
    {
        var hr = Spec.As("hilda");
        return command switch
        {
            "Screen" => candidate.Screen(new ScreenCandidate(true)),
            "Shortlist" => candidate.Shortlist(new ShortlistCandidate()),
            "Schedule" => candidate.Schedule(new ScheduleInterview(NewInterviewAt, ["dan"], "Room 3"), hr),
            "Reschedule" => candidate.Reschedule(new RescheduleInterview(ScheduledInterviewId, RescheduledAt), hr),
            "CancelInterview" => candidate.Cancel(new CancelInterview(ScheduledInterviewId, "room unavailable")),
            "Feedback" => candidate.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, CarolsFeedback.Score, CarolsFeedback.Recommendation), Spec.As("carol"), actingAsHr: false),
            "Offer" => candidate.Extend(new ExtendOffer(NewOffer.Salary, NewOffer.StartDate, NewOffer.ExpiresOn), hr),
            "Accept" => candidate.Accept(new AcceptOffer(), hr),
            "Decline" => candidate.Decline(new DeclineOffer()),
            "Reject" => candidate.Reject(new RejectCandidate(RejectionReason.PositionFilled)),
            "Withdraw" => candidate.Withdraw(new WithdrawCandidate()),
            "MarkHired" => candidate.MarkHired(new MarkCandidateHired(EmployeeId)),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    /// <summary>What an allowed <paramref name="command"/> must have changed besides the stage, from <paramref name="before"/> to <paramref name="after"/>.</summary>
    private static void Effect(string command, Candidate before, Candidate after)
    {
        Interview Scheduled(Candidate c) => c.Interviews.Single(i => i.InterviewId == ScheduledInterviewId);
        switch (command)
        {
            case "Schedule":
                after.Interviews.Count.ShouldBe(before.Interviews.Count + 1, "one more interview");
                var added = after.Interviews[^1];
                added.At.ShouldBe(NewInterviewAt);
                added.Interviewers.ShouldBe(["dan"]);
                added.Status.ShouldBe(InterviewStatus.Scheduled);
                break;
            case "Reschedule":
                Scheduled(before).At.ShouldNotBe(RescheduledAt);
                Scheduled(after).At.ShouldBe(RescheduledAt);
                break;
            case "CancelInterview":
                Scheduled(before).Status.ShouldBe(InterviewStatus.Scheduled);
                Scheduled(after).Status.ShouldBe(InterviewStatus.Cancelled);
                break;
            case "Feedback":
                Scheduled(after).Feedback.ShouldBe([.. Scheduled(before).Feedback, CarolsFeedback]);
                Scheduled(after).Status.ShouldBe(InterviewStatus.Held);
                break;
            case "Offer":
                after.Offer.ShouldBe(NewOffer);
                break;
            case "Accept":
                after.Offer.ShouldNotBeNull().Status.ShouldBe(OfferStatus.Accepted);
                break;
            case "Decline":
                after.Offer.ShouldNotBeNull().Status.ShouldBe(OfferStatus.Declined);
                break;
            case "MarkHired":
                after.EmployeeId.ShouldBe(EmployeeId);
                break;
            default:
                after.Interviews.Count.ShouldBe(before.Interviews.Count);
                after.Offer.ShouldBe(before.Offer);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Command_in_stage(string stage, string command, string expected)
    {
        var given = Given(History(stage));
        var before = given.State;
        var outcome = given.When(candidate => Run(candidate, command));
        if (Then.IsStage(expected, out var to))
        {
            outcome.Events.ShouldNotBeEmpty($"{command} in {stage} must change something");
            outcome.And(after =>
            {
                after.Stage.ShouldBe(to, $"{command} in {stage}");
                CandidatePipeline.IsAllowed(before.Stage, after.Stage).ShouldBeTrue($"{before.Stage} → {after.Stage}");
                Effect(command, before, after);
            });
        }
        else if (expected == Then.Unchanged)
        {
            outcome.ThenNothing().And(after =>
            {
                after.Stage.ShouldBe(before.Stage);
                Effect(command, before, after);
            });
        }
        else
        {
            outcome.ThenRefused(expected);
        }
    }
}
