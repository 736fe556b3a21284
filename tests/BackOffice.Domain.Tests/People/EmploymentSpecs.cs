using BackOffice.Domain.People;

namespace BackOffice.Domain.Tests.People;

/// <summary>Every employee command in every status: active, suspended, terminated, rehired (today is <see cref="Spec.Now"/>, 2026-11-28).</summary>
public class EmploymentSpecs
{
    private static readonly Guid Id = Spec.Id(500);
    private static readonly Guid Subject = Spec.Id(201);
    private static readonly Guid Dept = Spec.Id(600);
    private static readonly Guid OtherDept = Spec.Id(601);
    private static readonly Guid Boss = Spec.Id(502);
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly DecisionContext Hr = Spec.As("demo-hr");

    private static readonly EmployeeHired Hired = new(Id, Subject, "Clerk", Dept, null, new DateOnly(2026, 1, 5), null);
    private static readonly DisciplinaryActionRecorded Suspension = new(Id, Subject, Spec.Id(90), DisciplinaryLevel.Suspension, "demo-hr", Today.AddDays(-1), Today.AddDays(7));
    private static readonly EmployeeTerminated Terminated = new(Id, Subject, TerminationReason.Resignation, new DateOnly(2026, 11, 1), false);
    private static readonly EmployeeRehired Rehired = new(Id, Subject, "Archivist", OtherDept, null, new DateOnly(2026, 11, 15));

    private static object[] History(string status) => status switch
    {
        "active" => [Hired],
        "suspended" => [Hired, Suspension],
        "terminated" => [Hired, Terminated],
        "rehired" => [Hired, Terminated, Rehired],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static Given<Employee> Given(string status, params object[] more) => Spec.Given(Employee.From, [.. History(status), .. more]);

    [Theory]
    [InlineData("active", EmployeeStatus.Active)]
    [InlineData("suspended", EmployeeStatus.Suspended)]
    [InlineData("terminated", EmployeeStatus.Terminated)]
    [InlineData("rehired", EmployeeStatus.Active)]
    public void The_status_depends_on_the_day(string status, EmployeeStatus expected)
        => Given(status).State.StatusOn(Today).ShouldBe(expected);

    [Fact]
    public void A_suspension_ends_after_its_last_day_and_a_termination_takes_effect_on_its_day()
    {
        var e = Given("suspended", new EmployeeTerminated(Id, Subject, TerminationReason.Retirement, Today.AddDays(20), false)).State;
        e.StatusOn(Today.AddDays(7)).ShouldBe(EmployeeStatus.Suspended);
        e.StatusOn(Today.AddDays(8)).ShouldBe(EmployeeStatus.Active);
        e.StatusOn(Today.AddDays(19)).ShouldBe(EmployeeStatus.Active);
        e.StatusOn(Today.AddDays(20)).ShouldBe(EmployeeStatus.Terminated);
    }

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Work_can_be_assigned_to_an_employee_who_is_not_terminated(string status)
        => Should.NotThrow(() => Given(status).State.EnsureAssignable(Spec.Now, "employeeId"));

    [Fact]
    public void Nothing_can_be_assigned_to_a_terminated_employee_from_the_day_the_termination_takes_effect()
    {
        var leaving = Given("active", new EmployeeTerminated(Id, Subject, TerminationReason.Resignation, Today.AddDays(3), false)).State;
        Should.NotThrow(() => leaving.EnsureAssignable(Spec.Now.AddDays(2), "employeeId"));
        var refused = Should.Throw<DomainException>(() => leaving.EnsureAssignable(Spec.Now.AddDays(3), "addresseeId"));
        (refused.Code, refused.Field).ShouldBe((ErrorCodes.EmployeeTerminated, "addresseeId"));
    }

    // ---- every command, in the statuses that accept it

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Link_user(string status)
        => Given(status).When(e => e.LinkUser(new LinkEmployeeUser(" demo-clerk "), Hr))
            .Then(new EmployeeUserLinked(Id, Subject, "demo-clerk")).And(e => e.UserName.ShouldBe("demo-clerk"));

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Transfer(string status)
    {
        var from = Given(status).State.DepartmentId;
        Given(status).When(e => e.Transfer(new TransferEmployee(Spec.Id(602), Boss), [Boss], Hr))
            .Then(new EmployeeTransferred(Id, Subject, from, Spec.Id(602), Boss))
            .And(e => (e.DepartmentId, e.ManagerId).ShouldBe((Spec.Id(602), (Guid?)Boss)));
    }

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Change_position(string status)
        => Given(status).When(e => e.ChangePosition(new ChangePosition(" Head clerk "), Hr))
            .Then(new EmployeePositionChanged(Id, Subject, "Head clerk")).And(e => e.Position.ShouldBe("Head clerk"));

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Change_contract(string status)
        => Given(status).When(e => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.Temporary, Today.AddDays(10), "Temps"), Hr))
            .Then(new EmploymentContractChanged(Id, Subject, EmploymentType.Temporary, Today.AddDays(10), "Temps"))
            .And(e => e.ContractEndsSoon(Today).ShouldBeTrue());

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Assign_training(string status)
        => Given(status).When(e => e.AssignTraining(new AssignTraining("Fire safety", Today.AddDays(3)), Spec.As("demo-hr")))
            .Then(new TrainingAssigned(Id, Subject, Spec.Id(1), "Fire safety", Today.AddDays(3)))
            .And(e => e.Trainings.ShouldHaveSingleItem().StatusOn(Today).ShouldBe(TrainingStatus.Due));

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Complete_training(string status)
        => Given(status, new TrainingAssigned(Id, Subject, Spec.Id(70), "Forklift", Today.AddDays(-3)))
            .When(e => e.CompleteTraining(new CompleteTraining(Spec.Id(70), Today, Today.AddDays(365)), Hr))
            .Then(new TrainingCompleted(Id, Subject, Spec.Id(70), Today, Today.AddDays(365)))
            .And(e => e.Trainings[0].StatusOn(Today).ShouldBe(TrainingStatus.Done));

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Record_disciplinary_action(string status)
        => Given(status).When(e => e.RecordDisciplinaryAction(new RecordDisciplinaryAction(DisciplinaryLevel.WrittenWarning, "late", null), Spec.As("demo-manager")))
            .Then(new DisciplinaryActionRecorded(Id, Subject, Spec.Id(1), DisciplinaryLevel.WrittenWarning, "demo-manager", Today, null));

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Terminate(string status)
        => Given(status).When(e => e.Terminate(new TerminateEmployee(TerminationReason.Resignation, Today.AddDays(14)), Hr))
            .Then(new EmployeeTerminated(Id, Subject, TerminationReason.Resignation, Today.AddDays(14), false))
            .And(e => e.StatusOn(Today.AddDays(14)).ShouldBe(EmployeeStatus.Terminated));

    [Theory]
    [InlineData("active")]
    [InlineData("suspended")]
    [InlineData("rehired")]
    public void Rehire_needs_a_terminated_employee(string status)
        => Given(status).When(e => e.Rehire(new RehireEmployee("Clerk", Dept, Today), [], Hr)).ThenRefused(ErrorCodes.EmployeeNotTerminated);

    // ---- terminated: nothing but rehire

    public static TheoryData<string> Commands => ["link", "transfer", "position", "contract", "assign", "complete", "discipline", "terminate"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_terminated_employee_accepts_nothing_but_rehire(string command)
        => Given("terminated", new TrainingAssigned(Id, Subject, Spec.Id(70), "Forklift", Today.AddDays(-3))).When(e => command switch
        {
            "link" => e.LinkUser(new LinkEmployeeUser("x"), Hr),
            "transfer" => e.Transfer(new TransferEmployee(Dept, null), [], Hr),
            "position" => e.ChangePosition(new ChangePosition("X"), Hr),
            "contract" => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.FixedTerm, Today.AddDays(9), null), Hr),
            "assign" => e.AssignTraining(new AssignTraining("X", Today), Hr),
            "complete" => e.CompleteTraining(new CompleteTraining(Spec.Id(70), Today, null), Hr),
            "discipline" => e.RecordDisciplinaryAction(new RecordDisciplinaryAction(DisciplinaryLevel.VerbalWarning, "x", null), Hr),
            "terminate" => e.Terminate(new TerminateEmployee(TerminationReason.Other, Today), Hr),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        }).ThenRefused(ErrorCodes.EmployeeTerminated);

    [Fact]
    public void Rehire_starts_a_new_employment_on_the_same_stream_and_subject()
        => Given("terminated", new EmployeeUserLinked(Id, Subject, "pat"))
            .When(e => e.Rehire(new RehireEmployee("Archivist", OtherDept, Today, Boss, EmploymentType.FixedTerm, Today.AddDays(90)), [Boss], Hr))
            .Then(new EmployeeRehired(Id, Subject, "Archivist", OtherDept, Boss, Today), new EmploymentContractChanged(Id, Subject, EmploymentType.FixedTerm, Today.AddDays(90), null))
            .And(e =>
            {
                e.StatusOn(Today).ShouldBe(EmployeeStatus.Active);
                e.Employments.Count.ShouldBe(2);
                e.Employments[0].EndsOn.ShouldBe(Terminated.EffectiveOn);
                (e.SubjectId, e.UserName, e.StartDate, e.EmploymentType).ShouldBe((Subject, "pat", Today, EmploymentType.FixedTerm));
            });

    [Fact]
    public void Rehire_cannot_start_before_the_last_employment_ended()
        => Given("terminated").When(e => e.Rehire(new RehireEmployee("Clerk", Dept, Terminated.EffectiveOn.AddDays(-1)), [], Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "startDate");

    [Fact]
    public void A_rehired_employee_can_be_terminated_again()
        => Given("rehired").When(e => e.Terminate(new TerminateEmployee(TerminationReason.EndOfContract, Today), Hr))
            .Then(new EmployeeTerminated(Id, Subject, TerminationReason.EndOfContract, Today, false))
            .And(e => e.Employments.Select(x => x.Reason).ShouldBe([TerminationReason.Resignation, TerminationReason.EndOfContract]));

    // ---- rules

    [Fact]
    public void Linking_the_same_user_name_again_changes_nothing()
        => Given("active", new EmployeeUserLinked(Id, Subject, "pat")).When(e => e.LinkUser(new LinkEmployeeUser("pat"), Hr)).ThenNothing();

    [Fact]
    public void Link_needs_a_user_name()
        => Given("active").When(e => e.LinkUser(new LinkEmployeeUser(" "), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "userName");

    [Fact]
    public void A_transfer_under_oneself_or_a_report_closes_a_cycle()
    {
        Given("active").When(e => e.Transfer(new TransferEmployee(Dept, Id), [Id], Hr)).ThenRefused(ErrorCodes.ReportingCycle);
        Given("active").When(e => e.Transfer(new TransferEmployee(Dept, Spec.Id(503)), [Spec.Id(503), Spec.Id(504), Id], Hr)).ThenRefused(ErrorCodes.ReportingCycle);
    }

    [Fact]
    public void A_transfer_to_the_same_place_changes_nothing()
        => Given("active").When(e => e.Transfer(new TransferEmployee(Dept, null), [], Hr)).ThenNothing();

    [Fact]
    public void A_dismissal_needs_a_final_warning_in_force()
    {
        var dismiss = new TerminateEmployee(TerminationReason.Dismissal, Today);
        Given("active").When(e => e.Terminate(dismiss, Hr)).ThenRefused(ErrorCodes.FinalWarningRequired);
        var written = new DisciplinaryActionRecorded(Id, Subject, Spec.Id(91), DisciplinaryLevel.WrittenWarning, "hr", Today.AddDays(-5), null);
        Given("active", written).When(e => e.Terminate(dismiss, Hr)).ThenRefused(ErrorCodes.FinalWarningRequired);
        var expired = new DisciplinaryActionRecorded(Id, Subject, Spec.Id(92), DisciplinaryLevel.FinalWarning, "hr", Today.AddDays(-100), Today.AddDays(-1));
        Given("active", expired).When(e => e.Terminate(dismiss, Hr)).ThenRefused(ErrorCodes.FinalWarningRequired);
        var final = new DisciplinaryActionRecorded(Id, Subject, Spec.Id(93), DisciplinaryLevel.FinalWarning, "hr", Today.AddDays(-10), Today);
        Given("active", final).When(e => e.Terminate(dismiss, Hr)).Then(new EmployeeTerminated(Id, Subject, TerminationReason.Dismissal, Today, false));
        Given("active").When(e => e.Terminate(dismiss with { GrossMisconduct = true }, Hr))
            .Then(new EmployeeTerminated(Id, Subject, TerminationReason.Dismissal, Today, true));
    }

    [Fact]
    public void Gross_misconduct_is_for_a_dismissal_only()
        => Given("active").When(e => e.Terminate(new TerminateEmployee(TerminationReason.Resignation, Today, true), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "grossMisconduct");

    [Fact]
    public void A_termination_is_after_the_start()
        => Given("active").When(e => e.Terminate(new TerminateEmployee(TerminationReason.Other, Hired.StartDate), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "effectiveOn");

    [Fact]
    public void A_suspension_needs_its_last_day_and_an_action_needs_a_reason()
    {
        Given("active").When(e => e.RecordDisciplinaryAction(new RecordDisciplinaryAction(DisciplinaryLevel.Suspension, "x", null), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "expiresOn");
        Given("active").When(e => e.RecordDisciplinaryAction(new RecordDisciplinaryAction(DisciplinaryLevel.FinalWarning, " ", null), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "reason");
        Given("active").When(e => e.RecordDisciplinaryAction(new RecordDisciplinaryAction(DisciplinaryLevel.FinalWarning, "x", Today.AddDays(-1)), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "expiresOn");
        Given("active").When(e => e.RecordDisciplinaryAction(new RecordDisciplinaryAction((DisciplinaryLevel)9, "x", null), Hr))
            .ThenRefused(ErrorCodes.ValidationFailed, "level");
    }

    [Fact]
    public void Trainings_are_due_overdue_done_expiring_and_expired()
    {
        var t = new Training(Spec.Id(1), "C", Today, null, null);
        t.StatusOn(Today).ShouldBe(TrainingStatus.Due);
        t.StatusOn(Today.AddDays(1)).ShouldBe(TrainingStatus.Overdue);
        (t with { CompletedOn = Today }).StatusOn(Today.AddDays(400)).ShouldBe(TrainingStatus.Done);
        var certified = t with { CompletedOn = Today, ValidUntil = Today.AddDays(60) };
        certified.StatusOn(Today).ShouldBe(TrainingStatus.Done);
        certified.StatusOn(Today.AddDays(30)).ShouldBe(TrainingStatus.Expiring);
        certified.StatusOn(Today.AddDays(60)).ShouldBe(TrainingStatus.Expiring);
        certified.StatusOn(Today.AddDays(61)).ShouldBe(TrainingStatus.Expired);
    }

    [Fact]
    public void A_training_is_completed_once_not_in_the_future_and_valid_after_completion()
    {
        var assigned = new TrainingAssigned(Id, Subject, Spec.Id(70), "Forklift", Today);
        Given("active", assigned, new TrainingCompleted(Id, Subject, Spec.Id(70), Today, null))
            .When(e => e.CompleteTraining(new CompleteTraining(Spec.Id(70), Today, null), Hr)).ThenRefused(ErrorCodes.TrainingAlreadyCompleted);
        Given("active", assigned).When(e => e.CompleteTraining(new CompleteTraining(Spec.Id(71), Today, null), Hr)).ThenRefused(ErrorCodes.NotFound);
        Given("active", assigned).When(e => e.CompleteTraining(new CompleteTraining(Spec.Id(70), Today.AddDays(1), null), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "completedOn");
        Given("active", assigned).When(e => e.CompleteTraining(new CompleteTraining(Spec.Id(70), Today, Today.AddDays(-1)), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "validUntil");
    }

    [Fact]
    public void Contract_terms_are_checked()
    {
        Given("active").When(e => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.Temporary, Today, null), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "agency");
        Given("active").When(e => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.FixedTerm, null, null), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "contractEndsOn");
        Given("active").When(e => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.FixedTerm, Today, "Temps"), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "agency");
        Given("active").When(e => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.Permanent, Today, null), Hr)).ThenRefused(ErrorCodes.ValidationFailed, "contractEndsOn");
        Given("active").When(e => e.ChangeContract(new ChangeEmploymentContract(EmploymentType.Permanent, null, null), Hr)).ThenNothing();
    }

    [Fact]
    public void Contracts_ending_within_30_days()
    {
        var e = Given("active", new EmploymentContractChanged(Id, Subject, EmploymentType.FixedTerm, Today.AddDays(30), null)).State;
        e.ContractEndsSoon(Today).ShouldBeTrue();
        e.ContractEndsSoon(Today.AddDays(-1)).ShouldBeFalse();
        e.ContractEndsSoon(Today.AddDays(31)).ShouldBeFalse();
    }

    [Fact]
    public void A_temporary_hire_records_the_agency_and_the_end()
        => Spec.When(() => Employee.Hire(new HireEmployee(Id, Subject, "Clerk", Dept, null, Today, null, EmploymentType.Temporary, Today.AddDays(60), "Temps")))
            .Then(new EmployeeHired(Id, Subject, "Clerk", Dept, null, Today, null), new EmploymentContractChanged(Id, Subject, EmploymentType.Temporary, Today.AddDays(60), "Temps"));

    [Fact]
    public void Departments_are_reparented_and_managed_without_cycles()
    {
        var created = new DepartmentCreated(Dept, "Finance", null, null);
        Spec.Given(Department.From, created).When(d => d.Reparent(new ReparentDepartment(OtherDept), [OtherDept, Spec.Id(603)]))
            .Then(new DepartmentReparented(Dept, OtherDept)).And(d => d.ParentId.ShouldBe(OtherDept));
        Spec.Given(Department.From, created).When(d => d.Reparent(new ReparentDepartment(OtherDept), [OtherDept, Dept])).ThenRefused(ErrorCodes.ReportingCycle);
        Spec.Given(Department.From, created).When(d => d.Reparent(new ReparentDepartment(Dept), [Dept])).ThenRefused(ErrorCodes.ReportingCycle);
        Spec.Given(Department.From, created).When(d => d.Reparent(new ReparentDepartment(null), [])).ThenNothing();
        Spec.Given(Department.From, created).When(d => d.ChangeManager(new ChangeDepartmentManager(Boss)))
            .Then(new DepartmentManagerChanged(Dept, Boss)).And(d => d.ManagerId.ShouldBe(Boss));
        Spec.Given(Department.From, created, new DepartmentManagerChanged(Dept, Boss)).When(d => d.ChangeManager(new ChangeDepartmentManager(null)))
            .Then(new DepartmentManagerChanged(Dept, null));
    }
}
