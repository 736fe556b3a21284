namespace BackOffice.Client.Tests;

/// <summary>Recruiting to hire through the generated clients: the hire workflow makes the employee, read back through the client.</summary>
[Collection(ClientCollection.Name)]
public class RecruitingThroughClientTests(ClientFixture api)
{
    private readonly RecruitingClient hr = new(api.Http("demo-hr"));
    private readonly PeopleClient people = new(api.Http("demo-hr"));
    private readonly RecruitingClient interviewer = new(api.Http("demo-manager"));

    [Fact]
    public async Task Hr_opens_a_job_and_a_candidate_goes_from_application_to_hired_employee()
    {
        var tag = Generated.Tag();
        var department = (await people.CreateDepartmentAsync(new CreateDepartmentRequest { Name = "Archives " + tag })).Result.Id;
        var opening = await hr.OpenJobOpeningAsync(new OpenJobOpeningRequest { Title = "Filing clerk", DepartmentId = department, HiringManager = "demo-manager", Positions = 1 });
        opening.StatusCode.ShouldBe(201);

        var applied = await hr.ApplyToJobOpeningAsync(new ApplyRequest
        {
            JobOpeningId = opening.Result.Id, Name = "Ana Client-" + tag, Email = $"ana.{tag}@example.org", Phone = "+41 21 555 01 02", Resume = "Twelve years of archiving",
        });
        applied.StatusCode.ShouldBe(201);
        var candidate = applied.Result.Id;

        await hr.ScreenCandidateAsync(candidate, new ScreenCandidateRequest { Passed = true, Notes = "Clear and precise" });
        await hr.ShortlistCandidateAsync(candidate, new object());
        var interview = (await hr.ScheduleInterviewAsync(candidate, new ScheduleInterviewRequest
        {
            At = DateTimeOffset.UtcNow.AddDays(3), Interviewers = ["demo-manager"], Location = "Room 2",
        })).Result.InterviewId;
        await interviewer.RecordInterviewFeedbackAsync(candidate, interview, new RecordFeedbackRequest { Score = 5, Recommendation = Recommendation.Hire, Notes = "Excellent" });
        var startDate = DateTimeOffset.UtcNow.Date.AddDays(30);
        await hr.ExtendOfferAsync(candidate, new ExtendOfferRequest { Salary = 5200.50m, StartDate = startDate, ExpiresOn = DateTimeOffset.UtcNow.Date.AddDays(7) });
        (await hr.AcceptOfferAsync(candidate, new object())).Result.Version.ShouldBe(7);

        // The hire workflow runs after the accept commits: poll the candidate through the client until Hired.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        CandidateView view;
        while ((view = (await hr.GetCandidateAsync(candidate)).Result).Stage != CandidateStage.Hired)
        {
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"The candidate never became Hired: {view.Stage}");
            await Task.Delay(100);
        }
        view.Offer.ShouldNotBeNull().Status.ShouldBe("Accepted");
        view.Offer.Salary.ShouldBe(5200.50m);
        var employeeId = view.EmployeeId.ShouldNotBeNull();

        var employee = (await people.GetEmployeeAsync(employeeId)).Result;
        employee.SubjectId.ShouldBe(applied.Result.SubjectId);
        employee.Name.ShouldBe("Ana Client-" + tag);
        employee.Email.ShouldBe($"ana.{tag}@example.org");
        employee.Position.ShouldBe("Filing clerk");
        employee.DepartmentId.ShouldBe(department);
        employee.Status.ShouldBe(EmployeeStatus.Active);
        employee.StartDate.Date.ShouldBe(startDate.Date);
        employee.CandidateId.ShouldBe(candidate);
        var filled = (await hr.GetJobOpeningAsync(opening.Result.Id)).Result;
        filled.Status.ShouldBe(JobOpeningStatus.Filled);
        filled.Hired.ShouldBe(1);
    }
}
