namespace BackOffice.Domain.Intranet;

/// <summary>Where a notice stands on a given day.</summary>
public enum NoticeStatus
{
    /// <summary>Published (possibly not effective yet).</summary>
    Published,
    /// <summary>Withdrawn.</summary>
    Withdrawn,
    /// <summary>Past its expiry day.</summary>
    Expired,
}

/// <summary>An acknowledgement of one revision by one employee.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="Revision">The revision.</param>
/// <param name="At">When.</param>
public sealed record NoticeAcknowledgement(Guid EmployeeId, int Revision, DateTimeOffset At);

/// <summary>Who a notice addresses: every employee, or the employees of some departments.</summary>
/// <param name="AllStaff">Every employee.</param>
/// <param name="DepartmentIds">Otherwise, these departments.</param>
public sealed record NoticeAudience(bool AllStaff, IReadOnlyList<Guid> DepartmentIds)
{
    /// <summary>Whether an employee of <paramref name="departmentId"/> is addressed.</summary>
    public bool Includes(Guid departmentId) => AllStaff || DepartmentIds.Contains(departmentId);
}

/// <summary>
/// A notice of the company intranet, published by hr or a manager to all staff or some departments. An immutable
/// state built from its events by <see cref="Evolve"/>; its decision methods return the events a command causes or
/// throw a <see cref="DomainException"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Title">Title.</param>
/// <param name="Body">Text.</param>
/// <param name="Audience">Who it addresses.</param>
/// <param name="RequiresAcknowledgement">Whether addressees must acknowledge it.</param>
/// <param name="EffectiveOn">First day it applies.</param>
/// <param name="ExpiresOn">Last day it applies.</param>
/// <param name="Revision">Current revision (1, then one more per material revision).</param>
/// <param name="Withdrawn">Whether it was withdrawn.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Acknowledgements">Every acknowledgement, of every revision.</param>
public sealed partial record Notice(
    Guid Id, string Title, string Body, NoticeAudience Audience, bool RequiresAcknowledgement, DateOnly EffectiveOn, DateOnly? ExpiresOn,
    int Revision, bool Withdrawn, string PublishedBy, DateTimeOffset PublishedAt, IReadOnlyList<NoticeAcknowledgement> Acknowledgements)
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 200;
    /// <summary>Longest text.</summary>
    public const int MaxBodyLength = 50_000;

    /// <summary>The status on <paramref name="day"/>: withdrawn, expired after its expiry day, else published.</summary>
    public NoticeStatus StatusOn(DateOnly day)
        => Withdrawn ? NoticeStatus.Withdrawn : ExpiresOn is { } end && day > end ? NoticeStatus.Expired : NoticeStatus.Published;

    /// <summary>Published, effective and not expired on <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => StatusOn(day) == NoticeStatus.Published && EffectiveOn <= day;

    /// <summary>The acknowledgements of the current revision, one per employee.</summary>
    public IReadOnlyList<NoticeAcknowledgement> CurrentAcknowledgements => [.. Acknowledgements.Where(a => a.Revision == Revision)];

    /// <summary>Whether <paramref name="employeeId"/> acknowledged the current revision.</summary>
    public bool AcknowledgedBy(Guid employeeId) => Acknowledgements.Any(a => a.EmployeeId == employeeId && a.Revision == Revision);

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    public static Notice? Evolve(Notice? state, object @event) => (state, @event) switch
    {
        (_, NoticePublished e) => new Notice(e.NoticeId, e.Title, e.Body, new NoticeAudience(e.AllStaff, e.DepartmentIds), e.RequiresAcknowledgement,
            e.EffectiveOn, e.ExpiresOn, 1, false, e.PublishedBy, e.PublishedAt, []),
        (null, _) => null,
        (_, NoticeRevised e) => state with { Title = e.Title ?? state.Title, Body = e.Body ?? state.Body, Revision = e.Revision },
        (_, NoticeWithdrawn) => state with { Withdrawn = true },
        (_, NoticeAcknowledged e) => state with { Acknowledgements = [.. state.Acknowledgements, new NoticeAcknowledgement(e.EmployeeId, e.Revision, e.At)] },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Notice? From(IEnumerable<object> events) => events.Aggregate((Notice?)null, Evolve);

    private void RequireNotWithdrawn(string action)
    {
        if (Withdrawn) throw new DomainException(ErrorCodes.NoticeWithdrawn, $"The notice was withdrawn and cannot be {action}.");
    }
}
