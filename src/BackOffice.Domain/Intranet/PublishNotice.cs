namespace BackOffice.Domain.Intranet;

/// <summary>Publishes a notice.</summary>
/// <param name="NoticeId">The id the new notice gets (made at the edge).</param>
/// <param name="Title">Title (1–200).</param>
/// <param name="Body">Text (1–50,000).</param>
/// <param name="AllStaff">Addressed to every employee (or give <paramref name="DepartmentIds"/>, not both).</param>
/// <param name="DepartmentIds">The departments addressed.</param>
/// <param name="RequiresAcknowledgement">Whether addressees must acknowledge it.</param>
/// <param name="EffectiveOn">First day it applies.</param>
/// <param name="ExpiresOn">Last day it applies (not before <paramref name="EffectiveOn"/>), optional.</param>
public sealed record PublishNotice(
    Guid NoticeId, string Title, string Body, bool AllStaff, IReadOnlyList<Guid>? DepartmentIds, bool RequiresAcknowledgement,
    DateOnly EffectiveOn, DateOnly? ExpiresOn = null);

public sealed partial record Notice
{
    /// <summary>Decides a publication: an audience of all staff or at least one department (not both), an expiry not before the effective day.</summary>
    public static IReadOnlyList<INoticeEvent> Publish(PublishNotice command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var title = Guard.Text(command.Title, "title", MaxTitleLength);
        var body = Guard.Text(command.Body, "body", MaxBodyLength);
        var departments = (command.DepartmentIds ?? []).Distinct().ToList();
        if (command.AllStaff && departments.Count > 0)
            throw DomainException.Invalid("audience", "Address all staff or some departments, not both.");
        if (!command.AllStaff && departments.Count == 0)
            throw DomainException.Invalid("audience", "Address all staff or at least one department.");
        if (departments.Contains(Guid.Empty)) throw DomainException.Invalid("audience", "A department id is empty.");
        if (command.ExpiresOn is { } end && end < command.EffectiveOn)
            throw DomainException.Invalid("expiresOn", "'expiresOn' must not be before 'effectiveOn'.");
        return [new NoticePublished(command.NoticeId, title, body, command.AllStaff, departments, command.RequiresAcknowledgement,
            command.EffectiveOn, command.ExpiresOn, context.User, context.Now)];
    }
}
