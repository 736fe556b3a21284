namespace BackOffice.Domain.People;

/// <summary>Assigns a course to an employee.</summary>
/// <param name="Course">The course (1–200).</param>
/// <param name="DueOn">The day it must be completed by.</param>
public sealed record AssignTraining(string Course, DateOnly DueOn);

public sealed partial record Employee
{
    /// <summary>Decides an assignment; the training's id comes from <paramref name="context"/>.</summary>
    public IReadOnlyList<IEmployeeEvent> AssignTraining(AssignTraining command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        EnsureNotTerminated(context);
        var course = Guard.Text(command.Course, "course");
        if (command.DueOn == default) throw DomainException.Invalid("dueOn", "'dueOn' is required.");
        return [new TrainingAssigned(Id, SubjectId, context.NewId(), course, command.DueOn)];
    }
}
