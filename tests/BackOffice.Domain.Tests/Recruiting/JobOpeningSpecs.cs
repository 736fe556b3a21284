using BackOffice.Domain.Recruiting;

namespace BackOffice.Domain.Tests.Recruiting;

public class JobOpeningSpecs
{
    private static readonly Guid OpeningId = Spec.Id(300);
    private static readonly Guid DepartmentId = Spec.Id(600);
    private static readonly JobOpeningOpened Opened = new(OpeningId, "Clerk", DepartmentId, "mia", 2);
    private static readonly JobPositionFilled FirstHire = new(OpeningId, Spec.Id(201), Spec.Id(501));

    private static Given<JobOpening> Given(params object[] events) => Spec.Given(JobOpening.From, events);

    [Fact]
    public void Open_records_the_opening()
        => Given()
            .When(() => JobOpening.Open(new OpenJobOpening(OpeningId, " Clerk ", DepartmentId, " mia ", 2)))
            .Then(Opened)
            .And(opening =>
            {
                opening.Status.ShouldBe(JobOpeningStatus.Open);
                opening.Hired.ShouldBe(0);
            });

    [Fact]
    public void Open_without_hiring_manager()
        => Spec.When(() => JobOpening.Open(new OpenJobOpening(OpeningId, "Clerk", DepartmentId, " ", 1)))
            .Then(Opened with { HiringManager = null, Positions = 1 });

    [Theory]
    [InlineData("", 1, "title")]
    [InlineData("Clerk", 0, "positions")]
    public void Open_refuses_invalid_values(string title, int positions, string field)
        => Spec.When(() => JobOpening.Open(new OpenJobOpening(OpeningId, title, DepartmentId, null, positions)))
            .ThenRefused(ErrorCodes.ValidationFailed, field);

    [Fact]
    public void Open_needs_a_department()
        => Spec.When(() => JobOpening.Open(new OpenJobOpening(OpeningId, "Clerk", Guid.Empty, null, 1)))
            .ThenRefused(ErrorCodes.ValidationFailed, "departmentId");

    [Fact]
    public void A_hire_fills_a_position()
        => Given(Opened)
            .When(opening => opening.Fill(new FillJobPosition(Spec.Id(201), Spec.Id(501))))
            .Then(FirstHire)
            .And(opening =>
            {
                opening.Hired.ShouldBe(1);
                opening.Status.ShouldBe(JobOpeningStatus.Open);
            });

    [Fact]
    public void The_last_position_filled_makes_the_opening_filled()
        => Given(Opened, FirstHire)
            .When(opening => opening.Fill(new FillJobPosition(Spec.Id(202), Spec.Id(502))))
            .And(opening => opening.Status.ShouldBe(JobOpeningStatus.Filled));

    [Fact]
    public void Filling_with_the_same_candidate_again_changes_nothing()
        => Given(Opened, FirstHire).When(opening => opening.Fill(new FillJobPosition(Spec.Id(201), Spec.Id(501)))).ThenNothing();

    [Fact]
    public void No_hire_into_a_filled_opening()
        => Given(Opened, FirstHire, new JobPositionFilled(OpeningId, Spec.Id(202), Spec.Id(502)))
            .When(opening => opening.Fill(new FillJobPosition(Spec.Id(203), Spec.Id(503))))
            .ThenRefused(ErrorCodes.JobOpeningNotOpen);

    [Fact]
    public void No_hire_into_a_closed_opening()
        => Given(Opened, new JobOpeningClosed(OpeningId, "budget"))
            .When(opening => opening.Fill(new FillJobPosition(Spec.Id(203), Spec.Id(503))))
            .ThenRefused(ErrorCodes.JobOpeningNotOpen);

    [Fact]
    public void Close_closes_an_open_opening()
        => Given(Opened)
            .When(opening => opening.Close(new CloseJobOpening(" budget cut ")))
            .Then(new JobOpeningClosed(OpeningId, "budget cut"))
            .And(opening => opening.Status.ShouldBe(JobOpeningStatus.Closed));

    [Fact]
    public void Close_needs_a_reason()
        => Given(Opened).When(opening => opening.Close(new CloseJobOpening(""))).ThenRefused(ErrorCodes.ValidationFailed, "reason");

    [Fact]
    public void Closing_a_closed_opening_changes_nothing()
        => Given(Opened, new JobOpeningClosed(OpeningId, "budget")).When(opening => opening.Close(new CloseJobOpening("again"))).ThenNothing();

    [Fact]
    public void A_filled_opening_cannot_be_closed()
        => Given(Opened with { Positions = 1 }, FirstHire)
            .When(opening => opening.Close(new CloseJobOpening("done")))
            .ThenRefused(ErrorCodes.JobOpeningNotOpen);
}
