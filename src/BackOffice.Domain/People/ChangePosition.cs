namespace BackOffice.Domain.People;

/// <summary>Changes an employee's position (job title).</summary>
/// <param name="Position">The new job title (1–200).</param>
public sealed record ChangePosition(string Position);

public sealed partial record Employee
{
    /// <summary>Decides a change of position (nothing when unchanged).</summary>
    public IReadOnlyList<IEmployeeEvent> ChangePosition(ChangePosition command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        EnsureNotTerminated(context);
        var position = Guard.Text(command.Position, "position");
        return position == Position ? [] : [new EmployeePositionChanged(Id, SubjectId, position)];
    }
}
