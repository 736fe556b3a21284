using BackOffice.Domain.People;

namespace BackOffice.Domain.Tests.People;

public class EmployeeSpecs
{
    private static readonly Guid EmployeeId = Spec.Id(500);
    private static readonly Guid SubjectId = Spec.Id(201);
    private static readonly Guid DepartmentId = Spec.Id(600);
    private static readonly DateOnly StartDate = new(2027, 1, 4);

    [Fact]
    public void Hire_from_a_candidate_keeps_the_subject_and_is_active()
    {
        var events = Employee.Hire(new HireEmployee(EmployeeId, SubjectId, " Clerk ", DepartmentId, Spec.Id(502), StartDate, Spec.Id(200)));
        events.ShouldBe([new EmployeeHired(EmployeeId, SubjectId, "Clerk", DepartmentId, Spec.Id(502), StartDate, Spec.Id(200))]);
        var employee = Employee.From(events).ShouldNotBeNull();
        employee.StatusOn(StartDate).ShouldBe(EmployeeStatus.Active);
        employee.SubjectId.ShouldBe(SubjectId);
        employee.CandidateId.ShouldBe(Spec.Id(200));
    }

    [Fact]
    public void Hire_directly_without_manager_or_candidate()
        => Employee.Hire(new HireEmployee(EmployeeId, SubjectId, "Clerk", DepartmentId, null, StartDate))
            .ShouldBe([new EmployeeHired(EmployeeId, SubjectId, "Clerk", DepartmentId, null, StartDate, null)]);

    [Fact]
    public void Hire_needs_a_position()
        => ((Func<object>)(() => Employee.Hire(new HireEmployee(EmployeeId, SubjectId, "", DepartmentId, null, StartDate))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "position");

    [Fact]
    public void Hire_needs_a_subject()
        => ((Func<object>)(() => Employee.Hire(new HireEmployee(EmployeeId, Guid.Empty, "Clerk", DepartmentId, null, StartDate))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "subjectId");

    [Fact]
    public void Hire_needs_a_department()
        => ((Func<object>)(() => Employee.Hire(new HireEmployee(EmployeeId, SubjectId, "Clerk", Guid.Empty, null, StartDate))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "departmentId");

    [Fact]
    public void Hire_needs_a_start_date()
        => ((Func<object>)(() => Employee.Hire(new HireEmployee(EmployeeId, SubjectId, "Clerk", DepartmentId, null, default))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "startDate");

    [Fact]
    public void An_employee_cannot_manage_themself()
        => ((Func<object>)(() => Employee.Hire(new HireEmployee(EmployeeId, SubjectId, "Clerk", DepartmentId, EmployeeId, StartDate))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "managerId");
}
