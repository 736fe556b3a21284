using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;

namespace BackOffice.Domain.Tests.Recruiting;

/// <summary>The recruiting rules that read models, endpoints and the hire workflow call instead of repeating them.</summary>
public class RecruitingRuleSpecs
{
    [Theory]
    [InlineData(false, 0, 2, JobOpeningStatus.Open)]
    [InlineData(false, 1, 2, JobOpeningStatus.Open)]
    [InlineData(false, 2, 2, JobOpeningStatus.Filled)]
    [InlineData(true, 0, 2, JobOpeningStatus.Closed)]
    [InlineData(true, 2, 2, JobOpeningStatus.Closed)]
    public void Opening_status_is_closed_then_filled_then_open(bool closed, int hired, int positions, JobOpeningStatus expected)
        => JobOpening.StatusOf(closed, hired, positions).ShouldBe(expected);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(3, 3, 1)]
    public void Conversion_is_reached_over_applied_to_four_decimals(int reached, int applied, decimal expected)
        => Funnel.Conversion(reached, applied).ShouldBe(expected);

    [Fact]
    public void Average_time_in_stage_weighs_every_stay()
    {
        Funnel.AverageSeconds([]).ShouldBeNull();
        Funnel.AverageSeconds([(0, 0)]).ShouldBeNull();
        Funnel.AverageSeconds([(100, 1), (500, 3)]).ShouldBe(150);
    }

    private static readonly Guid OpeningId = CandidateHistory.OpeningId;
    private static readonly Guid CandidateId = CandidateHistory.CandidateId;
    private static readonly Guid SubjectId = CandidateHistory.SubjectId;
    private static readonly Guid DepartmentId = Spec.Id(4);
    private static readonly DateOnly Start = new(2027, 1, 4);

    private static JobOpening Opening(int positions = 1, params object[] more)
        => JobOpening.From([new JobOpeningOpened(OpeningId, "Clerk", DepartmentId, null, positions), .. more])!;

    private static Candidate Accepted(params object[] more) => CandidateHistory.Given([.. CandidateHistory.AtAccepted, .. more]).State;

    [Fact]
    public void The_employee_id_is_derived_from_the_candidate_id_only()
    {
        CandidateHire.EmployeeIdFor(CandidateId).ShouldBe(CandidateHire.EmployeeIdFor(CandidateId));
        CandidateHire.EmployeeIdFor(CandidateId).ShouldNotBe(CandidateHire.EmployeeIdFor(Spec.Id(99)));
        CandidateHire.EmployeeIdFor(CandidateId).Version.ShouldBe(8);
    }

    [Fact]
    public void A_first_hire_starts_the_employee_marks_the_candidate_and_fills_the_opening()
    {
        var hire = CandidateHire.Decide(Accepted(), Opening(), employeeExists: false, Start);
        var employeeId = CandidateHire.EmployeeIdFor(CandidateId);
        hire.EmployeeId.ShouldBe(employeeId);
        hire.EmployeeEvents.ShouldBe(Employee.Hire(new HireEmployee(employeeId, SubjectId, "Clerk", DepartmentId, null, Start, CandidateId)));
        hire.CandidateEvents.ShouldHaveSingleItem().ShouldBeOfType<CandidateHired>().EmployeeId.ShouldBe(employeeId);
        hire.OpeningEvents.ShouldHaveSingleItem().ShouldBeOfType<JobPositionFilled>().CandidateId.ShouldBe(CandidateId);
        hire.OpeningNotOpen.ShouldBeFalse();
    }

    [Fact]
    public void Deciding_again_after_the_hire_decides_nothing()
    {
        var employeeId = CandidateHire.EmployeeIdFor(CandidateId);
        var candidate = Accepted(new CandidateHired(CandidateId, SubjectId, employeeId));
        var opening = Opening(1, new JobPositionFilled(OpeningId, CandidateId, employeeId));
        var again = CandidateHire.Decide(candidate, opening, employeeExists: true, Start);
        again.EmployeeEvents.ShouldBeEmpty();
        again.CandidateEvents.ShouldBeEmpty();
        again.OpeningEvents.ShouldBeEmpty();
        again.OpeningNotOpen.ShouldBeFalse();
    }

    [Fact]
    public void An_opening_filled_by_others_does_not_stop_the_hire()
    {
        var other = Spec.Id(50);
        var hire = CandidateHire.Decide(Accepted(), Opening(1, new JobPositionFilled(OpeningId, other, Spec.Id(51))), employeeExists: false, Start);
        hire.EmployeeEvents.ShouldNotBeEmpty();
        hire.CandidateEvents.ShouldNotBeEmpty();
        hire.OpeningEvents.ShouldBeEmpty();
        hire.OpeningNotOpen.ShouldBeTrue();
    }

    [Fact]
    public void No_opening_and_no_employee_yet_is_not_found()
        => Should.Throw<DomainException>(() => CandidateHire.Decide(Accepted(), null, employeeExists: false, Start)).Code.ShouldBe(ErrorCodes.NotFound);

    [Fact]
    public void A_withdrawn_candidate_is_not_hired()
        => Should.Throw<DomainException>(() => CandidateHire.Decide(
                CandidateHistory.Given(CandidateHistory.AtWithdrawn).State, Opening(), false, Start))
            .Code.ShouldBe(ErrorCodes.StageTransitionNotAllowed);
}
