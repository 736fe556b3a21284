namespace BackOffice.Domain.People;

/// <summary>Where an employee stands on a given day (see <see cref="Employee.StatusOn"/>).</summary>
public enum EmployeeStatus
{
    /// <summary>Employed.</summary>
    Active,
    /// <summary>Employed, under a suspension in force.</summary>
    Suspended,
    /// <summary>No longer employed (the termination took effect); accepts nothing but a rehire.</summary>
    Terminated,
}

/// <summary>The kind of contract.</summary>
public enum EmploymentType
{
    /// <summary>Open-ended.</summary>
    Permanent,
    /// <summary>Ends on a set day.</summary>
    FixedTerm,
    /// <summary>A temporary worker placed by an agency, until a set day.</summary>
    Temporary,
}

/// <summary>Why an employment ends.</summary>
public enum TerminationReason
{
    /// <summary>The employee resigned.</summary>
    Resignation,
    /// <summary>The employer dismissed the employee (needs a final warning in force, unless for gross misconduct).</summary>
    Dismissal,
    /// <summary>A fixed-term or temporary contract ended.</summary>
    EndOfContract,
    /// <summary>The employee retired.</summary>
    Retirement,
    /// <summary>Any other reason.</summary>
    Other,
}

/// <summary>One employment of the person (a rehire starts another one on the same stream).</summary>
/// <param name="StartDate">First day.</param>
/// <param name="EndsOn">The first day no longer employed, when a termination was recorded (possibly in the future).</param>
/// <param name="Reason">Why it ends, when a termination was recorded.</param>
/// <param name="GrossMisconduct">A dismissal for gross misconduct.</param>
public sealed record Employment(DateOnly StartDate, DateOnly? EndsOn, TerminationReason? Reason, bool GrossMisconduct);

/// <summary>
/// A person employed by the organisation. An immutable state built from its events by <see cref="Evolve"/>; decision
/// methods return the events a command causes or throw a <see cref="DomainException"/>. The state holds no personal
/// data: only the <see cref="SubjectId"/> under which the personal-data store keeps it. The status depends on the day
/// (a termination or a suspension takes effect on its date): <see cref="StatusOn"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Position">Job title.</param>
/// <param name="DepartmentId">Department.</param>
/// <param name="ManagerId">Manager, when named.</param>
/// <param name="StartDate">First day of the current (latest) employment.</param>
/// <param name="CandidateId">The candidate the employee was hired from, when any.</param>
public sealed partial record Employee(
    Guid Id, Guid SubjectId, string Position, Guid DepartmentId, Guid? ManagerId, DateOnly StartDate, Guid? CandidateId)
{
    /// <summary>Days ahead within which a contract's end or a certification's expiry is shown as coming.</summary>
    public const int NoticeDays = 30;

    /// <summary>The kind of contract of the current employment.</summary>
    public EmploymentType EmploymentType { get; init; }

    /// <summary>Last day of a fixed-term or temporary contract.</summary>
    public DateOnly? ContractEndsOn { get; init; }

    /// <summary>The agency of a temporary worker.</summary>
    public string? Agency { get; init; }

    /// <summary>The user name of the employee's credentials, when linked (unique per tenant).</summary>
    public string? UserName { get; init; }

    /// <summary>Every employment, the current (latest) last.</summary>
    public IReadOnlyList<Employment> Employments { get; init; } = [];

    /// <summary>Courses assigned, in order of assignment.</summary>
    public IReadOnlyList<Training> Trainings { get; init; } = [];

    /// <summary>Disciplinary actions, in order of issue.</summary>
    public IReadOnlyList<DisciplinaryAction> DisciplinaryActions { get; init; } = [];

    /// <summary>The employee's status on <paramref name="day"/>: terminated from the termination's effective day,
    /// suspended while a suspension is in force, else active.</summary>
    public EmployeeStatus StatusOn(DateOnly day)
    {
        if (Employments.Count > 0 && Employments[^1].EndsOn is { } end && day >= end) return EmployeeStatus.Terminated;
        return DisciplinaryActions.Any(a => a.Level == DisciplinaryLevel.Suspension && a.InForceOn(day)) ? EmployeeStatus.Suspended : EmployeeStatus.Active;
    }

    /// <summary>Whether the fixed-term or temporary contract of an employee still employed on <paramref name="day"/>
    /// ends within <see cref="NoticeDays"/> days (from <paramref name="day"/> to <paramref name="day"/> + 30, inclusive).</summary>
    public bool ContractEndsSoon(DateOnly day)
        => StatusOn(day) != EmployeeStatus.Terminated && ContractEndsOn is { } end && end >= day && end <= day.AddDays(NoticeDays);

    /// <summary>Whether the employee counts in the headcount on <paramref name="day"/> (employed: not terminated).</summary>
    public bool IsEmployedOn(DateOnly day) => StatusOn(day) != EmployeeStatus.Terminated;

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    /// <param name="state">The state before the event, <c>null</c> before the stream starts.</param>
    /// <param name="event">The event data.</param>
    /// <returns>The state after the event.</returns>
    public static Employee? Evolve(Employee? state, object @event) => (state, @event) switch
    {
        (_, EmployeeHired e) => new Employee(e.EmployeeId, e.SubjectId, e.Position, e.DepartmentId, e.ManagerId, e.StartDate, e.CandidateId)
        {
            Employments = [new Employment(e.StartDate, null, null, false)],
        },
        (Employee s, EmploymentContractChanged e) => s with { EmploymentType = e.EmploymentType, ContractEndsOn = e.ContractEndsOn, Agency = e.Agency },
        (Employee s, EmployeeTransferred e) => s with { DepartmentId = e.DepartmentId, ManagerId = e.ManagerId },
        (Employee s, EmployeePositionChanged e) => s with { Position = e.Position },
        (Employee s, EmployeeUserLinked e) => s with { UserName = e.UserName },
        (Employee s, TrainingAssigned e) => s with { Trainings = [.. s.Trainings, new Training(e.TrainingId, e.Course, e.DueOn, null, null)] },
        (Employee s, TrainingCompleted e) => s with
        {
            Trainings = [.. s.Trainings.Select(t => t.TrainingId == e.TrainingId ? t with { CompletedOn = e.CompletedOn, ValidUntil = e.ValidUntil } : t)],
        },
        (Employee s, DisciplinaryActionRecorded e) => s with
        {
            DisciplinaryActions = [.. s.DisciplinaryActions, new DisciplinaryAction(e.ActionId, e.Level, e.IssuedBy, e.IssuedOn, e.ExpiresOn)],
        },
        (Employee s, EmployeeTerminated e) => s with
        {
            Employments = [.. s.Employments.Take(s.Employments.Count - 1), s.Employments[^1] with { EndsOn = e.EffectiveOn, Reason = e.Reason, GrossMisconduct = e.GrossMisconduct }],
        },
        (Employee s, EmployeeRehired e) => s with
        {
            Position = e.Position, DepartmentId = e.DepartmentId, ManagerId = e.ManagerId, StartDate = e.StartDate,
            EmploymentType = EmploymentType.Permanent, ContractEndsOn = null, Agency = null,
            Employments = [.. s.Employments, new Employment(e.StartDate, null, null, false)],
        },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Employee? From(IEnumerable<object> events) => events.Aggregate((Employee?)null, Evolve);

    /// <summary>The day of an instant (UTC): the calendar the People rules count in.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>
    /// Refuses to give the employee work — a device, a letter to answer — once terminated on the day of
    /// <paramref name="now"/> (409 <c>employee-terminated</c>, naming <paramref name="field"/>): the rule other contexts
    /// call before they name an employee.
    /// </summary>
    /// <param name="now">The instant of the decision.</param>
    /// <param name="field">The request field that named the employee.</param>
    public void EnsureAssignable(DateTimeOffset now, string field)
    {
        if (StatusOn(DayOf(now)) == EmployeeStatus.Terminated)
            throw new DomainException(ErrorCodes.EmployeeTerminated, $"Employee {Id} is terminated: nothing more can be assigned to them.", field);
    }

    private void EnsureNotTerminated(DecisionContext context)
    {
        if (StatusOn(DayOf(context.Now)) == EmployeeStatus.Terminated)
            throw new DomainException(ErrorCodes.EmployeeTerminated, $"Employee {Id} is terminated: only a rehire is accepted.");
    }

    private static Guid? NoEmpty(Guid? id) => id == Guid.Empty ? null : id;
}
