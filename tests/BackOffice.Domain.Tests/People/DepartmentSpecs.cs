using BackOffice.Domain.People;

namespace BackOffice.Domain.Tests.People;

public class DepartmentSpecs
{
    private static readonly Guid DepartmentId = Spec.Id(600);

    [Fact]
    public void Create_records_the_department()
    {
        var events = Department.Establish(new CreateDepartment(DepartmentId, " Finance ", Spec.Id(601), Spec.Id(501)));
        events.ShouldBe([new DepartmentCreated(DepartmentId, "Finance", Spec.Id(601), Spec.Id(501))]);
        Department.From(events).ShouldBe(new Department(DepartmentId, "Finance", Spec.Id(601), Spec.Id(501)));
    }

    [Fact]
    public void Create_a_top_level_department_without_manager()
        => Department.Establish(new CreateDepartment(DepartmentId, "Board")).ShouldBe([new DepartmentCreated(DepartmentId, "Board", null, null)]);

    [Fact]
    public void Create_needs_a_name()
        => ((Func<object>)(() => Department.Establish(new CreateDepartment(DepartmentId, " ")))).ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "name");

    [Fact]
    public void A_department_cannot_be_its_own_parent()
        => ((Func<object>)(() => Department.Establish(new CreateDepartment(DepartmentId, "Loop", DepartmentId))))
            .ShouldBeRefusedWith(ErrorCodes.ValidationFailed, "parentId");
}
