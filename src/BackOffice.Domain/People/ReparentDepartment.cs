namespace BackOffice.Domain.People;

/// <summary>Moves a department under another one, or to the top.</summary>
/// <param name="ParentId">The new parent (its existence is the host's to check), <c>null</c> for a top-level department.</param>
public sealed record ReparentDepartment(Guid? ParentId);

/// <summary>Names, replaces or removes a department's manager.</summary>
/// <param name="ManagerId">The employee who manages it (its existence is the host's to check), <c>null</c> for none.</param>
public sealed record ChangeDepartmentManager(Guid? ManagerId);

public sealed partial record Department
{
    /// <summary>
    /// Decides a re-parenting. <paramref name="parentChain"/> is the new parent followed by its ancestors, loaded by the
    /// host from current state: the department may not appear in it (409 <c>reporting-cycle</c>). Nothing when unchanged.
    /// </summary>
    public IReadOnlyList<IDepartmentEvent> Reparent(ReparentDepartment command, IReadOnlyList<Guid> parentChain)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parentChain);
        var parent = NullIfEmpty(command.ParentId);
        if (parent == Id || (parent is not null && ReportingLine.ClosesCycle(Id, parentChain)))
            throw ReportingLine.Cycle($"Department {Id} cannot be placed under {parent}: the department tree would form a cycle.");
        return parent == ParentId ? [] : [new DepartmentReparented(Id, parent)];
    }

    /// <summary>Decides a change of manager (nothing when unchanged).</summary>
    public IReadOnlyList<IDepartmentEvent> ChangeManager(ChangeDepartmentManager command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var manager = NullIfEmpty(command.ManagerId);
        return manager == ManagerId ? [] : [new DepartmentManagerChanged(Id, manager)];
    }
}
