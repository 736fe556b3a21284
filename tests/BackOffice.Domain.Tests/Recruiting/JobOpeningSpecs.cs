using BackOffice.Domain.Recruiting;

namespace BackOffice.Domain.Tests.Recruiting;

public class JobOpeningSpecs
{
    private static readonly Guid OpeningId = Spec.Id(300);
    private static readonly Guid DepartmentId = Spec.Id(600);
    private static readonly JobOpeningOpened Opened = new(OpeningId, "Clerk", DepartmentId, "mia", 2);
    private static readonly JobPositionFilled FirstHire = new(OpeningId, Spec.Id(201), Spec.Id(501));

    private static JobOpening Given(params object[] events) => JobOpening.From(events).ShouldNotBeNull();

    [Fact]
    public void Open_records_the_opening()
    {
        var events = JobOpening.Open(new OpenJobOpening(OpeningId, " Clerk ", DepartmentId, " mia ", 2));
        events.ShouldBe([Opened]);
        var opening = Given([.. events]);
        opening.Status.ShouldBe(JobOpeningStatus.Open);
        opening.Hired.ShouldBe(0);
    }

    [Fact]
    public void Open_without_hiring_manager()
        => JobOpening.Open(new OpenJobOpening(OpeningId, "Clerk", DepartmentId, " ", 1)).ShouldBe([Opened with { HiringManager = null, Positions = 1 }]);

    [Theory]
    [InlineData("", 1, "title")]
    [InlineData("Clerk", 0, "positions")]
    public void Open_refuses_invalid_values(string title, int positions, string field)
        => ((Func<object>)(() => JobOpening.Open(new OpenJobOpening(OpeningId, title, DepartmentId, null, positions))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Open_needs_a_department()
        => ((Func<object>)(() => JobOpening.Open(new OpenJobOpening(OpeningId, "Clerk", Guid.Empty, null, 1))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "departmentId");

    [Fact]
    public void A_hire_fills_a_position()
    {
        var events = Given(Opened).Fill(new FillJobPosition(Spec.Id(201), Spec.Id(501)));
        events.ShouldBe([FirstHire]);
        var opening = Given([Opened, .. events]);
        opening.Hired.ShouldBe(1);
        opening.Status.ShouldBe(JobOpeningStatus.Open);
    }

    [Fact]
    public void The_last_position_filled_makes_the_opening_filled()
    {
        var events = Given(Opened, FirstHire).Fill(new FillJobPosition(Spec.Id(202), Spec.Id(502)));
        Given([Opened, FirstHire, .. events]).Status.ShouldBe(JobOpeningStatus.Filled);
    }

    [Fact]
    public void Filling_with_the_same_candidate_again_changes_nothing()
        => Given(Opened, FirstHire).Fill(new FillJobPosition(Spec.Id(201), Spec.Id(501))).ShouldBeEmpty();

    [Fact]
    public void No_hire_into_a_filled_opening()
        => ((Func<object>)(() => Given(Opened, FirstHire, new JobPositionFilled(OpeningId, Spec.Id(202), Spec.Id(502)))
                .Fill(new FillJobPosition(Spec.Id(203), Spec.Id(503)))))
            .ShouldBeRefusedWith(ErrorCodes.JobOpeningNotOpen);

    [Fact]
    public void No_hire_into_a_closed_opening()
        => ((Func<object>)(() => Given(Opened, new JobOpeningClosed(OpeningId, "budget")).Fill(new FillJobPosition(Spec.Id(203), Spec.Id(503)))))
            .ShouldBeRefusedWith(ErrorCodes.JobOpeningNotOpen);

    [Fact]
    public void Close_closes_an_open_opening()
    {
        var events = Given(Opened).Close(new CloseJobOpening(" budget cut "));
        events.ShouldBe([new JobOpeningClosed(OpeningId, "budget cut")]);
        Given([Opened, .. events]).Status.ShouldBe(JobOpeningStatus.Closed);
    }

    [Fact]
    public void Close_needs_a_reason()
        => ((Func<object>)(() => Given(Opened).Close(new CloseJobOpening("")))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Closing_a_closed_opening_changes_nothing()
        => Given(Opened, new JobOpeningClosed(OpeningId, "budget")).Close(new CloseJobOpening("again")).ShouldBeEmpty();

    [Fact]
    public void A_filled_opening_cannot_be_closed()
        => ((Func<object>)(() => Given(Opened with { Positions = 1 }, FirstHire).Close(new CloseJobOpening("done"))))
            .ShouldBeRefusedWith(ErrorCodes.JobOpeningNotOpen);
}
