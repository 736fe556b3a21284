namespace BackOffice.Domain.People;

/// <summary>Where an assigned course stands on a given day (see <see cref="Training.StatusOn"/>).</summary>
public enum TrainingStatus
{
    /// <summary>Not completed, due date not passed.</summary>
    Due,
    /// <summary>Not completed, due date passed.</summary>
    Overdue,
    /// <summary>Completed, and valid beyond the next 30 days (or without expiry).</summary>
    Done,
    /// <summary>Completed, its certification expires within 30 days.</summary>
    Expiring,
    /// <summary>Completed, its certification has expired.</summary>
    Expired,
}

/// <summary>A course assigned to an employee.</summary>
/// <param name="TrainingId">The assignment's id.</param>
/// <param name="Course">The course.</param>
/// <param name="DueOn">The day it must be completed by.</param>
/// <param name="CompletedOn">The day it was completed, when it was.</param>
/// <param name="ValidUntil">The last day a certification is valid, when it expires.</param>
public sealed record Training(Guid TrainingId, string Course, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? ValidUntil)
{
    /// <summary>The training's status on <paramref name="day"/> (due/overdue until completed; then done, expiring within
    /// <see cref="Employee.NoticeDays"/> days of <see cref="ValidUntil"/>, or expired after it).</summary>
    public TrainingStatus StatusOn(DateOnly day)
    {
        if (CompletedOn is null) return day > DueOn ? TrainingStatus.Overdue : TrainingStatus.Due;
        if (ValidUntil is not { } until) return TrainingStatus.Done;
        if (day > until) return TrainingStatus.Expired;
        return until <= day.AddDays(Employee.NoticeDays) ? TrainingStatus.Expiring : TrainingStatus.Done;
    }
}

/// <summary>The levels of a disciplinary action.</summary>
public enum DisciplinaryLevel
{
    /// <summary>A verbal warning.</summary>
    VerbalWarning,
    /// <summary>A written warning.</summary>
    WrittenWarning,
    /// <summary>A final warning (needed, in force, before a dismissal that is not for gross misconduct).</summary>
    FinalWarning,
    /// <summary>A suspension: the employee is <c>Suspended</c> from its issue to its last day.</summary>
    Suspension,
}

/// <summary>A disciplinary action (its reason is in the personal-data store).</summary>
/// <param name="ActionId">The action's id.</param>
/// <param name="Level">Its level.</param>
/// <param name="IssuedBy">The user who issued it.</param>
/// <param name="IssuedOn">The day it was issued.</param>
/// <param name="ExpiresOn">Its last day in force, when it expires.</param>
public sealed record DisciplinaryAction(Guid ActionId, DisciplinaryLevel Level, string IssuedBy, DateOnly IssuedOn, DateOnly? ExpiresOn)
{
    /// <summary>Whether the action is in force on <paramref name="day"/> (issued, and not past its last day).</summary>
    public bool InForceOn(DateOnly day) => day >= IssuedOn && (ExpiresOn is null || day <= ExpiresOn);

    /// <summary>The personal-data field that holds the action's reason.</summary>
    public static string ReasonField(Guid actionId) => "disciplinary-reason:" + actionId.ToString("N");
}

/// <summary>
/// The rule that keeps the department tree and the reporting line a forest: a node may not be placed under one of its
/// own descendants. Hosts load the chain of ancestors of the new parent (the parent, its parent, …) from current state,
/// inside the command's transaction and under the tenant's org-change lock, and the decisions check it here.
/// </summary>
public static class ReportingLine
{
    /// <summary>Whether placing <paramref name="node"/> under the first element of <paramref name="chainAbove"/> (the new
    /// parent followed by its ancestors) would close a cycle.</summary>
    public static bool ClosesCycle(Guid node, IEnumerable<Guid> chainAbove)
    {
        ArgumentNullException.ThrowIfNull(chainAbove);
        return chainAbove.Contains(node);
    }

    /// <summary>The chain above <paramref name="start"/>: <paramref name="start"/>, its parent, and so on to a root
    /// (stops at a repeat, so that even corrupt data cannot loop).</summary>
    public static IReadOnlyList<Guid> ChainFrom(Guid? start, Func<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var chain = new List<Guid>();
        for (var current = start; current is { } node && !chain.Contains(node); current = parentOf(node)) chain.Add(node);
        return chain;
    }

    internal static DomainException Cycle(string what) => new(ErrorCodes.ReportingCycle, what);
}
