namespace BackOffice.Domain.HelpDesk;

/// <summary>Opens a support request in the acting user's name.</summary>
/// <param name="SupportRequestId">The id the new request gets (made at the edge, Guid v7).</param>
/// <param name="SubjectId">The requester's subject in the personal-data store.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Priority">How urgent.</param>
/// <param name="Summary">One line (1–200).</param>
/// <param name="Description">What happened (personal data: validated here, stored in the personal-data store; 1–10,000).</param>
/// <param name="DeviceId">The device concerned, optional.</param>
public sealed record OpenSupportRequest(
    Guid SupportRequestId, Guid SubjectId, SupportCategory Category, SupportPriority Priority, string Summary, string Description, Guid? DeviceId = null);

public sealed partial record SupportRequest
{
    /// <summary>
    /// Decides an opening: the requester is the acting user; the deadlines (and the reopen window) are those of
    /// <paramref name="settings"/> for the priority, fixed in the event (a later change of the settings does not move them).
    /// </summary>
    public static IReadOnlyList<ISupportRequestEvent> Open(OpenSupportRequest command, HelpDeskSettings settings, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(command.Category)) throw DomainException.Invalid("category", "'category' must be Access, Hardware, Software, Network, Intranet or Other.");
        if (!Enum.IsDefined(command.Priority)) throw DomainException.Invalid("priority", "'priority' must be Low, Medium, High or Critical.");
        var summary = Guard.Text(command.Summary, "summary", MaxSummaryLength);
        Guard.Text(command.Description, "description", MaxTextLength);
        if (command.DeviceId == Guid.Empty) throw DomainException.Invalid("deviceId", "'deviceId' is not a device id.");
        var level = settings.For(command.Priority);
        return
        [
            new SupportRequestOpened(command.SupportRequestId, command.SubjectId, context.User, command.Category, command.Priority, summary,
                command.DeviceId, context.Now, level.FirstResponse, level.Resolution, settings.ReopenWindow),
        ];
    }
}
