using BackOffice.Api.People;
using BackOffice.Api.Recruiting;
using BackOffice.Domain.People;
using BackOffice.Domain.Recruiting;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace BackOffice.Api.Tests.Recruiting;

[Collection(ApiCollection.Name)]
public class HireWorkflowTests(ApiFixture api)
{
    private readonly HttpClient hr = api.As("demo-hr");
    private readonly HttpClient manager = api.As("demo-manager");

    [Fact]
    public async Task Done_when_hr_opens_a_position_and_a_candidate_goes_all_the_way_to_hired_with_an_employee_of_the_same_subject()
    {
        // hr opens a position
        var department = await hr.Department();
        var opening = await hr.Opening(positions: 1, departmentId: department);
        // a candidate applies, is screened and shortlisted
        var candidate = await hr.Apply(opening);
        await hr.PostJson($"/api/candidates/{candidate.Id}/screen", new { passed = true, notes = "Clear and precise" }).Ok();
        await hr.PostAsync($"/api/candidates/{candidate.Id}/shortlist", null).Ok();
        // interviewed by demo-manager
        var interview = await hr.Interview(candidate.Id, "demo-manager");
        // an offer before any feedback is 409
        await (await hr.PostJson($"/api/candidates/{candidate.Id}/offer", new { salary = 5000, startDate = RecruitingApi.Day(30), expiresOn = RecruitingApi.Day(7) }))
            .ShouldBeProblem(409, "offer-needs-feedback");
        // someone else cannot record feedback: 403
        await (await api.As("demo-clerk").PostJson($"/api/candidates/{candidate.Id}/interviews/{interview}/feedback", new { score = 2, recommendation = "NoHire" }))
            .ShouldBeProblem(403, "not-an-interviewer");
        // the interviewer records feedback
        await manager.PostJson($"/api/candidates/{candidate.Id}/interviews/{interview}/feedback", new { score = 5, recommendation = "Hire", notes = "Excellent" }).Ok();
        // offered and accepts
        await hr.PostJson($"/api/candidates/{candidate.Id}/offer", new { salary = 5000, startDate = RecruitingApi.Day(30), expiresOn = RecruitingApi.Day(7) }).Ok();
        var correlation = "hire-" + RecruitingApi.Tag();
        var accept = await hr.PostJson($"/api/candidates/{candidate.Id}/offer/accept", new { }, h => h.Add("X-Correlation-Id", correlation));
        (await accept.ShouldBe<CommandResponse>(200)).Version.ShouldBe(7);

        // within seconds the candidate is Hired with an employeeId whose employee carries the same subjectId
        var hired = await hr.CandidateWhen(candidate.Id, c => c.Stage == CandidateStage.Hired);
        var employeeId = hired.EmployeeId.ShouldNotBeNull();
        employeeId.ShouldBe(CandidateHire.EmployeeIdFor(candidate.Id));
        hired.SubjectId.ShouldBe(candidate.SubjectId);
        hired.Offer.ShouldNotBeNull().Status.ShouldBe("Accepted");
        var employee = await hr.GetAsync($"/api/employees/{employeeId}").Ok<EmployeeView>();
        employee.ShouldBe(new EmployeeView(employeeId, candidate.SubjectId, candidate.Name, candidate.Email, "Filing clerk", department,
            null, EmployeeStatus.Active, RecruitingApi.Date(30), EmploymentType.Permanent, null, null, null, null, null, candidate.Id, false, 1));
        var filled = await hr.JobOpening(opening);
        filled.Status.ShouldBe(JobOpeningStatus.Filled);
        filled.Hired.ShouldBe(1);

        // the workflow's events keep the request's correlation id and name the accepted offer as their cause
        await using var session = api.Store.QuerySession("demo");
        var accepted = (await session.Events.FetchStreamAsync(candidate.Id)).Single(e => e.EventTypeName == "offer_accepted_v1");
        accepted.CorrelationId.ShouldBe(correlation);
        var workflowEvents = (await session.Events.FetchStreamAsync(candidate.Id)).Where(e => e.EventTypeName == "candidate_hired_v1")
            .Concat(await session.Events.FetchStreamAsync(employeeId))
            .Concat((await session.Events.FetchStreamAsync(opening)).Where(e => e.EventTypeName == "job_position_filled_v1")).ToList();
        workflowEvents.Select(e => e.EventTypeName).ShouldBe(["candidate_hired_v1", "employee_hired_v1", "job_position_filled_v1"], ignoreOrder: true);
        workflowEvents.ShouldAllBe(e => e.CorrelationId == correlation && e.CausationId == accepted.Id.ToString() && e.UserName == HireWorkflow.Actor);

        // the filled opening takes no more applications and cannot be closed
        await (await hr.PostJson("/api/candidates", new { jobOpeningId = opening, name = "Late Applicant", email = "late@example.org" })).ShouldBeProblem(409, "job-opening-not-open");
        await (await hr.PostJson($"/api/job-openings/{opening}/close", new { reason = "done" })).ShouldBeProblem(409, "job-opening-not-open");
        // a hired candidate moves no more
        await (await hr.PostJson($"/api/candidates/{candidate.Id}/withdraw", new { })).ShouldBeProblem(409, "stage-transition-not-allowed");
        await (await hr.PostAsync($"/api/candidates/{candidate.Id}/offer/decline", null)).ShouldBeProblem(409, "stage-transition-not-allowed");
    }

    [Fact]
    public async Task Delivering_the_hire_message_twice_hires_nobody_twice()
    {
        var opening = await hr.Opening(positions: 2);
        var (candidate, _) = await hr.Offered(manager, opening);
        await hr.PostAsync($"/api/candidates/{candidate.Id}/offer/accept", null).Ok();
        var hired = await hr.CandidateWhen(candidate.Id, c => c.Stage == CandidateStage.Hired);
        var employeeId = hired.EmployeeId.ShouldNotBeNull();

        // The same message, delivered again twice through Wolverine (as a redelivery or a replay would).
        await using var session = api.Store.QuerySession("demo");
        var accepted = (await session.Events.FetchStreamAsync(candidate.Id)).Single(e => e.EventTypeName == "offer_accepted_v1");
        var message = new HireAcceptedCandidate("demo", candidate.Id, opening, DateOnly.Parse(RecruitingApi.Day(30), System.Globalization.CultureInfo.InvariantCulture),
            accepted.CorrelationId!, accepted.Id.ToString());
        using var scope = api.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(message);
        await bus.InvokeAsync(message);

        (await api.Store.EventTypes(candidate.Id)).Count(t => t == "candidate_hired_v1").ShouldBe(1);
        (await api.Store.EventTypes(employeeId)).ShouldBe(["employee_hired_v1"]);
        (await api.Store.EventTypes(opening)).Count(t => t == "job_position_filled_v1").ShouldBe(1);
        var openingView = await hr.JobOpening(opening);
        openingView.Hired.ShouldBe(1);
        openingView.Status.ShouldBe(JobOpeningStatus.Open);
        var employees = await hr.GetAsync($"/api/employees?departmentId={openingView.DepartmentId}").Ok<Page<ListEmployeesEndpoint.Item>>();
        employees.Total.ShouldBe(1);
        employees.Items.ShouldHaveSingleItem().Id.ShouldBe(employeeId);
    }

    [Fact]
    public async Task The_hire_message_is_stored_in_the_outbox_with_ids_only()
    {
        var opening = await hr.Opening();
        var (candidate, _) = await hr.Offered(manager, opening);
        await hr.PostAsync($"/api/candidates/{candidate.Id}/offer/accept", null).Ok();
        await hr.CandidateWhen(candidate.Id, c => c.Stage == CandidateStage.Hired);

        // Wolverine keeps handled envelopes for a while: the message is there, and carries no personal value.
        // With a database per tenant, Wolverine keeps the tenant's envelopes in the tenant's database: look in every one.
        byte[]? bytes = null;
        foreach (var database in ApiFixture.AllDatabases)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select body from api_tests.wolverine_incoming_envelopes where position(convert_to(@id, 'UTF8') in body) > 0", connection);
            command.Parameters.AddWithValue("id", candidate.Id.ToString());
            bytes ??= (byte[]?)await command.ExecuteScalarAsync();
        }
        bytes.ShouldNotBeNull();
        var body = System.Text.Encoding.UTF8.GetString(bytes);
        body.ShouldContain(candidate.Id.ToString());
        body.ShouldNotContain(candidate.Name);
        body.ShouldNotContain(candidate.Email);
    }

    [Fact]
    public async Task A_candidate_who_withdraws_before_the_workflow_runs_is_not_hired()
    {
        var opening = await hr.Opening();
        var (candidate, _) = await hr.Offered(manager, opening);
        // The workflow handler, invoked directly on a candidate whose offer is still only extended, hires nobody.
        using var scope = api.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(new HireAcceptedCandidate("demo", candidate.Id, opening, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), "c", "x"));
        await hr.PostJson($"/api/candidates/{candidate.Id}/withdraw", new { reason = "Took another job " + RecruitingApi.Tag() }).Ok();
        await bus.InvokeAsync(new HireAcceptedCandidate("demo", candidate.Id, opening, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), "c", "x"));
        (await hr.Candidate(candidate.Id)).Stage.ShouldBe(CandidateStage.Withdrawn);
        (await api.Store.EventTypes(CandidateHire.EmployeeIdFor(candidate.Id))).ShouldBeEmpty();
    }
}
