using BackOffice.Domain.People;

namespace BackOffice.Domain.Tests.People;

public class DepartmentSpecs
{
    private static readonly Guid DepartmentId = Spec.Id(600);

    [Fact]
    public void Create_records_the_department()
        => Spec.Given(Department.From)
            .When(() => Department.Establish(new CreateDepartment(DepartmentId, " Finance ", Spec.Id(601), Spec.Id(501))))
            .Then(new DepartmentCreated(DepartmentId, "Finance", Spec.Id(601), Spec.Id(501)))
            .And(department => department.ShouldBe(new Department(DepartmentId, "Finance", Spec.Id(601), Spec.Id(501))));

    [Fact]
    public void Create_a_top_level_department_without_manager()
        => Spec.When(() => Department.Establish(new CreateDepartment(DepartmentId, "Board")))
            .Then(new DepartmentCreated(DepartmentId, "Board", null, null));

    [Fact]
    public void Create_needs_a_name()
        => Spec.When(() => Department.Establish(new CreateDepartment(DepartmentId, " "))).ThenRefused(ErrorCodes.ValidationFailed, "name");

    [Fact]
    public void A_department_cannot_be_its_own_parent()
        => Spec.When(() => Department.Establish(new CreateDepartment(DepartmentId, "Loop", DepartmentId)))
            .ThenRefused(ErrorCodes.ValidationFailed, "parentId");
}
