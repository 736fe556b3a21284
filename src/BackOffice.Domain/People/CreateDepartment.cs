namespace BackOffice.Domain.People;

/// <summary>Creates a department.</summary>
/// <param name="DepartmentId">The id the new department gets (made at the edge, Guid v7).</param>
/// <param name="Name">Name (1–200).</param>
/// <param name="ParentId">The department it belongs to, optional (its existence is the host's to check).</param>
/// <param name="ManagerId">The employee who manages it, optional (its existence is the host's to check).</param>
public sealed record CreateDepartment(Guid DepartmentId, string Name, Guid? ParentId = null, Guid? ManagerId = null);

public sealed partial record Department
{
    /// <summary>Decides the creation of a department. A new department cannot be its own parent, so it makes no cycle. (Not named <c>Create</c>: Marten would take a method of that name on the aggregate for a conventional projection method.)</summary>
    public static IReadOnlyList<IDepartmentEvent> Establish(CreateDepartment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = Guard.Text(command.Name, "name");
        if (command.ParentId == command.DepartmentId) throw DomainException.Invalid("parentId", "A department cannot be its own parent.");
        return [new DepartmentCreated(command.DepartmentId, name, NullIfEmpty(command.ParentId), NullIfEmpty(command.ManagerId))];
    }

    private static Guid? NullIfEmpty(Guid? id) => id == Guid.Empty ? null : id;
}
