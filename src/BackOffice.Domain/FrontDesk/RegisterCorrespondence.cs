namespace BackOffice.Domain.FrontDesk;

/// <summary>The correspondent of an item: a person or an organisation. Personal data: validated here, stored elsewhere.</summary>
/// <param name="Name">Name of the person or organisation (1–200).</param>
/// <param name="Organization">Organisation the person writes for (≤ 200).</param>
/// <param name="Email">E-mail address (recognises a known correspondent).</param>
/// <param name="Phone">Phone number.</param>
/// <param name="Address">Postal address (≤ 500).</param>
public sealed record Correspondent(string Name, string? Organization = null, string? Email = null, string? Phone = null, string? Address = null)
{
    /// <summary>
    /// How a known correspondent is recognised across items: their e-mail address, trimmed and lower-cased; null (a
    /// new correspondent every time) without one. Names and phone numbers are shared too often (a switchboard, two
    /// people of the same name) to merge two people's data on them.
    /// </summary>
    public string? Key => string.IsNullOrWhiteSpace(Email) ? null : Email.Trim().ToLowerInvariant();
}

/// <summary>Enters an item in the register.</summary>
/// <param name="CorrespondenceId">The id the new item gets (made at the edge, Guid v7).</param>
/// <param name="SubjectId">The correspondent's subject id (a known correspondent's, or a new one made at the edge).</param>
/// <param name="Direction">Inbound or outbound.</param>
/// <param name="Channel">Channel.</param>
/// <param name="Subject">The subject line (1–300; stored in the personal-data store: it often names people).</param>
/// <param name="Correspondent">Who it is from or to.</param>
/// <param name="OccurredAt">When it was received or sent (not in the future).</param>
/// <param name="DocumentRef">The document's own reference (≤ 100).</param>
/// <param name="ReplyDueOn">Reply due by this day (inbound only).</param>
/// <param name="Confidential">Confidential item.</param>
/// <param name="InReplyTo">The inbound item this item answers (outbound only).</param>
/// <param name="Message">A caller's message (phone only, ≤ 4,000).</param>
/// <param name="CallbackRequested">The caller wants a call back (phone only).</param>
public sealed record RegisterCorrespondence(
    Guid CorrespondenceId, Guid SubjectId, CorrespondenceDirection Direction, CorrespondenceChannel Channel, string Subject,
    Correspondent Correspondent, DateTimeOffset OccurredAt, string? DocumentRef = null, DateOnly? ReplyDueOn = null,
    bool Confidential = false, Guid? InReplyTo = null, string? Message = null, bool? CallbackRequested = null);

/// <summary>
/// A registration the domain accepted, waiting for its register number: the host takes the number (in the registering
/// transaction, as late as it can) only once the command is known to be valid.
/// </summary>
/// <param name="Year">The register year the number must be taken in (the year of registration, UTC).</param>
/// <param name="Numbered">The events, given the rank the store handed out in <paramref name="Year"/>'s register.</param>
public sealed record PendingRegistration(int Year, Func<int, IReadOnlyList<ICorrespondenceEvent>> Numbered);

public sealed partial record Correspondence
{
    /// <summary>Maximum length of a subject line.</summary>
    public const int MaxSubjectLength = 300;
    /// <summary>Maximum length of a caller's message.</summary>
    public const int MaxMessageLength = 4_000;
    /// <summary>How far in the future <c>occurredAt</c> may be (clock skew between the desk and the server).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Decides a registration. An outbound item may answer an inbound one (<paramref name="answered"/>, whose own
    /// decision is <see cref="Answer"/>); replyDueOn is for inbound items; message and callbackRequested are for phone
    /// calls. The number comes last: see <see cref="PendingRegistration"/>.
    /// </summary>
    /// <param name="command">The registration.</param>
    /// <param name="answered">The item named by <c>inReplyTo</c>, loaded by the host (null when none is named).</param>
    /// <param name="context">Who registers, and when.</param>
    public static PendingRegistration Register(RegisterCorrespondence command, Correspondence? answered, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(command.Direction)) throw DomainException.Invalid("direction", "'direction' must be Inbound or Outbound.");
        if (!Enum.IsDefined(command.Channel)) throw DomainException.Invalid("channel", "'channel' must be Mail, Fax, Email, Phone or Courier.");
        Guard.Text(command.Subject, "subject", MaxSubjectLength);
        ValidateCorrespondent(command.Correspondent);
        if (command.OccurredAt > context.Now + ClockSkew)
            throw DomainException.Invalid("occurredAt", "'occurredAt' must not be in the future.");
        var documentRef = Guard.OptionalText(command.DocumentRef, "documentRef", 100);
        var inbound = command.Direction == CorrespondenceDirection.Inbound;
        if (command.ReplyDueOn is not null && !inbound)
            throw DomainException.Invalid("replyDueOn", "'replyDueOn' is for inbound items.");
        if (command.InReplyTo is not null && inbound)
            throw DomainException.Invalid("inReplyTo", "'inReplyTo' is for outbound items.");
        var phone = command.Channel == CorrespondenceChannel.Phone;
        if (!phone && command.Message is not null) throw DomainException.Invalid("message", "'message' is for phone calls.");
        if (!phone && command.CallbackRequested is not null) throw DomainException.Invalid("callbackRequested", "'callbackRequested' is for phone calls.");
        var message = Guard.OptionalText(command.Message, "message", MaxMessageLength);
        if (command.InReplyTo is { } replyTo)
        {
            if (answered is null || answered.Id != replyTo) throw new DomainException(ErrorCodes.NotFound, $"Correspondence {replyTo} was not found.", "inReplyTo");
            answered.RequireAnswerable();
        }

        var year = context.Now.UtcDateTime.Year;
        return new PendingRegistration(year, sequence =>
        [
            new CorrespondenceRegistered(command.CorrespondenceId, FrontDesk.RegisterNumber.Of(year, sequence).ToString(), command.Direction,
                command.Channel, command.SubjectId, command.OccurredAt, context.Now, documentRef, command.ReplyDueOn, command.Confidential,
                command.InReplyTo, command.CallbackRequested ?? false, message is not null),
        ]);
    }

    private static void ValidateCorrespondent(Correspondent? correspondent)
    {
        if (correspondent is null) throw DomainException.Invalid("correspondent", "'correspondent' is required.");
        Guard.Text(correspondent.Name, "correspondent.name");
        Guard.OptionalText(correspondent.Organization, "correspondent.organization", 200);
        if (!string.IsNullOrWhiteSpace(correspondent.Email)) Guard.Email(correspondent.Email, "correspondent.email");
        Guard.OptionalPhone(correspondent.Phone, "correspondent.phone");
        Guard.OptionalText(correspondent.Address, "correspondent.address", 500);
    }
}
