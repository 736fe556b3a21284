using BackOffice.Domain.Recruiting;
using static BackOffice.Domain.Tests.Recruiting.CandidateHistory;

namespace BackOffice.Domain.Tests.Recruiting;

/// <summary>Every command in every stage: allowed, or refused with the expected code.</summary>
public class CandidateTransitionSpecs
{
    private const string Ok = "ok";
    private const string Stage = ErrorCodes.StageTransitionNotAllowed;
    private const string Missing = ErrorCodes.NotFound;

    private static readonly string[] Commands =
        ["Screen", "Shortlist", "Schedule", "Reschedule", "CancelInterview", "Feedback", "Offer", "Accept", "Decline", "Reject", "Withdraw", "MarkHired"];

    // One row per stage, one column per command (same order as Commands).
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["Applied"] = [Ok, Stage, Stage, Missing, Missing, Missing, Stage, Stage, Stage, Ok, Ok, Stage],
        ["Screened"] = [Stage, Ok, Stage, Missing, Missing, Missing, Stage, Stage, Stage, Ok, Ok, Stage],
        ["Shortlisted"] = [Stage, Stage, Ok, Missing, Missing, Missing, Stage, Stage, Stage, Ok, Ok, Stage],
        ["Interviewing"] = [Stage, Stage, Ok, Ok, Ok, Ok, Ok, Stage, Stage, Ok, Ok, Stage],
        ["Offered"] = [Stage, Stage, Stage, Stage, Ok, Ok, Stage, Ok, Ok, Ok, Ok, Stage],
        ["OfferAccepted"] = [Stage, Stage, Stage, Stage, Ok, Ok, Stage, Ok, ErrorCodes.OfferNotOutstanding, Ok, Ok, Ok],
        ["Hired"] = [Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Stage, Ok],
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

    private static IReadOnlyList<ICandidateEvent> Run(Candidate candidate, string command)
    {
        var hr = Spec.As("hilda");
        return command switch
        {
            "Screen" => candidate.Screen(new ScreenCandidate(true)),
            "Shortlist" => candidate.Shortlist(new ShortlistCandidate()),
            "Schedule" => candidate.Schedule(new ScheduleInterview(Spec.Now.AddDays(3), ["dan"], "Room 3"), hr),
            "Reschedule" => candidate.Reschedule(new RescheduleInterview(ScheduledInterviewId, Spec.Now.AddDays(4)), hr),
            "CancelInterview" => candidate.Cancel(new CancelInterview(ScheduledInterviewId, "room unavailable")),
            "Feedback" => candidate.RecordFeedback(new RecordInterviewFeedback(ScheduledInterviewId, 3, Recommendation.Unsure), Spec.As("carol"), actingAsHr: false),
            "Offer" => candidate.Extend(new ExtendOffer(50_000m, new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 5)), hr),
            "Accept" => candidate.Accept(new AcceptOffer(), hr),
            "Decline" => candidate.Decline(new DeclineOffer()),
            "Reject" => candidate.Reject(new RejectCandidate(RejectionReason.PositionFilled)),
            "Withdraw" => candidate.Withdraw(new WithdrawCandidate()),
            "MarkHired" => candidate.MarkHired(new MarkCandidateHired(EmployeeId)),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Command_in_stage(string stage, string command, string expected)
    {
        var candidate = Given(History(stage));
        if (expected == Ok)
        {
            var events = Run(candidate, command);
            var after = Candidate.From([.. History(stage), .. events]).ShouldNotBeNull();
            CandidatePipeline.IsAllowed(candidate.Stage, after.Stage).ShouldBeTrue($"{candidate.Stage} → {after.Stage}");
        }
        else
        {
            ((Func<object>)(() => Run(candidate, command))).ShouldBeRefusedWith(expected);
        }
    }
}
