namespace BackOffice.Domain.People;

/// <summary>Ends an employee's employment.</summary>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveOn">The first day no longer employed (a future day takes effect on that day).</param>
/// <param name="GrossMisconduct">A dismissal for gross misconduct: no final warning needed (only with <see cref="TerminationReason.Dismissal"/>).</param>
public sealed record TerminateEmployee(TerminationReason Reason, DateOnly EffectiveOn, bool GrossMisconduct = false);

public sealed partial record Employee
{
    /// <summary>
    /// Decides a termination. Refused once terminated (409 <c>employee-terminated</c>); a dismissal needs a
    /// <see cref="DisciplinaryLevel.FinalWarning"/> in force today unless for gross misconduct (409
    /// <c>final-warning-required</c>). A termination recorded for a future day may be recorded again (the latest wins).
    /// </summary>
    public IReadOnlyList<IEmployeeEvent> Terminate(TerminateEmployee command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        EnsureNotTerminated(context);
        if (!Enum.IsDefined(command.Reason))
            throw DomainException.Invalid("reason", "'reason' must be Resignation, Dismissal, EndOfContract, Retirement or Other.");
        if (command.EffectiveOn == default) throw DomainException.Invalid("effectiveOn", "'effectiveOn' is required.");
        if (command.EffectiveOn <= StartDate) throw DomainException.Invalid("effectiveOn", "'effectiveOn' must be after the start date.");
        if (command.GrossMisconduct && command.Reason != TerminationReason.Dismissal)
            throw DomainException.Invalid("grossMisconduct", "'grossMisconduct' applies to a dismissal only.");
        var today = DayOf(context.Now);
        if (command.Reason == TerminationReason.Dismissal && !command.GrossMisconduct
            && !DisciplinaryActions.Any(a => a.Level == DisciplinaryLevel.FinalWarning && a.InForceOn(today)))
            throw new DomainException(ErrorCodes.FinalWarningRequired,
                "A dismissal needs a final warning that has not expired, unless it is for gross misconduct.");
        return [new EmployeeTerminated(Id, SubjectId, command.Reason, command.EffectiveOn, command.GrossMisconduct)];
    }
}
