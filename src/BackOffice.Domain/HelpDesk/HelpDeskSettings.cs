namespace BackOffice.Domain.HelpDesk;

/// <summary>A service level: how soon support must first respond and resolve.</summary>
/// <param name="FirstResponse">Time to the first response.</param>
/// <param name="Resolution">Time to the resolution.</param>
public sealed record ServiceLevel(TimeSpan FirstResponse, TimeSpan Resolution);

/// <summary>Sets a tenant's service levels (all four priorities) and the reopen window.</summary>
/// <param name="Critical">Critical requests.</param>
/// <param name="High">High-priority requests.</param>
/// <param name="Medium">Medium-priority requests.</param>
/// <param name="Low">Low-priority requests.</param>
/// <param name="ReopenWindow">How long a resolved request may be reopened before it closes by itself.</param>
public sealed record ChangeHelpDeskSettings(ServiceLevel Critical, ServiceLevel High, ServiceLevel Medium, ServiceLevel Low, TimeSpan ReopenWindow);

/// <summary>
/// A tenant's help-desk settings: the service levels per priority and the reopen window. One stream per tenant
/// (<see cref="StreamId"/>); a tenant that never set them uses <see cref="Defaults"/> (Critical 1 h / 4 h, High 4 h /
/// 1 day, Medium 1 day / 3 days, Low 3 days / 10 days; reopen within 7 days).
/// </summary>
/// <param name="Id">Stream id (<see cref="StreamId"/>).</param>
/// <param name="Critical">Critical requests.</param>
/// <param name="High">High-priority requests.</param>
/// <param name="Medium">Medium-priority requests.</param>
/// <param name="Low">Low-priority requests.</param>
/// <param name="ReopenWindow">How long a resolved request may be reopened before it closes by itself.</param>
public sealed record HelpDeskSettings(Guid Id, ServiceLevel Critical, ServiceLevel High, ServiceLevel Medium, ServiceLevel Low, TimeSpan ReopenWindow)
{
    /// <summary>The id of every tenant's settings stream (streams are per tenant).</summary>
    public static readonly Guid StreamId = new("6b1e1d5a-0000-4000-8000-00000000de5c");

    /// <summary>The longest service level or window accepted.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    /// <summary>The contract's defaults.</summary>
    public static readonly HelpDeskSettings Defaults = new(StreamId,
        new ServiceLevel(TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
        new ServiceLevel(TimeSpan.FromHours(4), TimeSpan.FromDays(1)),
        new ServiceLevel(TimeSpan.FromDays(1), TimeSpan.FromDays(3)),
        new ServiceLevel(TimeSpan.FromDays(3), TimeSpan.FromDays(10)),
        TimeSpan.FromDays(7));

    /// <summary>The service level of <paramref name="priority"/>.</summary>
    public ServiceLevel For(SupportPriority priority) => priority switch
    {
        SupportPriority.Critical => Critical,
        SupportPriority.High => High,
        SupportPriority.Medium => Medium,
        _ => Low,
    };

    /// <summary>Applies one event (or starts from the defaults). Unknown events leave the state unchanged.</summary>
    public static HelpDeskSettings? Evolve(HelpDeskSettings? state, object @event) => @event switch
    {
        HelpDeskSettingsChanged e => new HelpDeskSettings(e.SettingsId, e.Critical, e.High, e.Medium, e.Low, e.ReopenWindow),
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static HelpDeskSettings? From(IEnumerable<object> events) => events.Aggregate((HelpDeskSettings?)null, Evolve);

    /// <summary>
    /// Decides a change: every duration is positive and at most <see cref="Longest"/>, and a resolution is never due
    /// before the first response. Nothing is recorded when the settings are already these.
    /// </summary>
    public static IReadOnlyList<IHelpDeskSettingsEvent> Change(HelpDeskSettings? current, ChangeHelpDeskSettings command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Check(command.Critical, "critical");
        Check(command.High, "high");
        Check(command.Medium, "medium");
        Check(command.Low, "low");
        Positive(command.ReopenWindow, "reopenWindow");
        var changed = new HelpDeskSettingsChanged(StreamId, command.Critical, command.High, command.Medium, command.Low, command.ReopenWindow);
        var now = current ?? Defaults;
        return Evolve(null, changed) == now with { Id = StreamId } && current is not null ? [] : [changed];
    }

    private static void Check(ServiceLevel? level, string field)
    {
        if (level is null) throw DomainException.Invalid(field, $"'{field}' is required.");
        Positive(level.FirstResponse, field + ".firstResponse");
        Positive(level.Resolution, field + ".resolution");
        if (level.Resolution < level.FirstResponse)
            throw DomainException.Invalid(field + ".resolution", $"'{field}.resolution' must not be shorter than '{field}.firstResponse'.");
    }

    private static void Positive(TimeSpan value, string field)
    {
        if (value <= TimeSpan.Zero || value > Longest)
            throw DomainException.Invalid(field, $"'{field}' must be a positive duration of at most {Longest.TotalDays:0} days.");
    }
}
