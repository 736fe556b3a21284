namespace BackOffice.Domain.People;

/// <summary>Records the completion of an assigned course.</summary>
/// <param name="TrainingId">The assignment.</param>
/// <param name="CompletedOn">The day it was completed (not in the future).</param>
/// <param name="ValidUntil">For a certification, its last valid day (not before <paramref name="CompletedOn"/>).</param>
public sealed record CompleteTraining(Guid TrainingId, DateOnly CompletedOn, DateOnly? ValidUntil);

public sealed partial record Employee
{
    /// <summary>Decides a completion: the training must exist (404) and not be completed yet (409 <c>training-already-completed</c>).</summary>
    public IReadOnlyList<IEmployeeEvent> CompleteTraining(CompleteTraining command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        EnsureNotTerminated(context);
        var training = Trainings.FirstOrDefault(t => t.TrainingId == command.TrainingId)
            ?? throw DomainException.NotFound($"Training {command.TrainingId} of employee {Id}");
        if (command.CompletedOn == default) throw DomainException.Invalid("completedOn", "'completedOn' is required.");
        if (command.CompletedOn > DayOf(context.Now)) throw DomainException.Invalid("completedOn", "'completedOn' must not be in the future.");
        if (command.ValidUntil is { } until && until < command.CompletedOn)
            throw DomainException.Invalid("validUntil", "'validUntil' must not be before 'completedOn'.");
        if (training.CompletedOn is not null)
            throw new DomainException(ErrorCodes.TrainingAlreadyCompleted, $"Training {training.TrainingId} was already completed on {training.CompletedOn:yyyy-MM-dd}.");
        return [new TrainingCompleted(Id, SubjectId, training.TrainingId, command.CompletedOn, command.ValidUntil)];
    }
}
