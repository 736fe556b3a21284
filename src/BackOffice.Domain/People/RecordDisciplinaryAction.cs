namespace BackOffice.Domain.People;

/// <summary>Records a disciplinary action. The reason is validated here but kept by the host in the personal-data store.</summary>
/// <param name="Level">The level.</param>
/// <param name="Reason">Why (1–2000): free text about the person, never in an event.</param>
/// <param name="ExpiresOn">The last day in force: optional, required for a suspension (its last day).</param>
public sealed record RecordDisciplinaryAction(DisciplinaryLevel Level, string Reason, DateOnly? ExpiresOn);

public sealed partial record Employee
{
    /// <summary>Decides a disciplinary action issued today by the acting user; its id comes from <paramref name="context"/>.</summary>
    public IReadOnlyList<IEmployeeEvent> RecordDisciplinaryAction(RecordDisciplinaryAction command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        EnsureNotTerminated(context);
        if (!Enum.IsDefined(command.Level))
            throw DomainException.Invalid("level", "'level' must be VerbalWarning, WrittenWarning, FinalWarning or Suspension.");
        Guard.Text(command.Reason, "reason", 2000);
        var today = DayOf(context.Now);
        if (command.ExpiresOn is { } expires && expires < today) throw DomainException.Invalid("expiresOn", "'expiresOn' must not be in the past.");
        if (command.Level == DisciplinaryLevel.Suspension && command.ExpiresOn is null)
            throw DomainException.Invalid("expiresOn", "A suspension needs 'expiresOn' (its last day).");
        return [new DisciplinaryActionRecorded(Id, SubjectId, context.NewId(), command.Level, context.User, today, command.ExpiresOn)];
    }
}
