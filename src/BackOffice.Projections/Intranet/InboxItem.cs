using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Projections.Intranet;

/// <summary>
/// Who an inbox item is addressed to, as keys: a user name, a role, an employee, a department, or all staff. A reader
/// holds the keys of <see cref="InboxReader"/>; an item is theirs when it names one of them (ADR 17).
/// </summary>
public static class InboxAddressees
{
    /// <summary>Every employee.</summary>
    public const string AllStaff = "all-staff";

    /// <summary>The user signing in as <paramref name="userName"/>.</summary>
    public static string User(string userName) => "user:" + userName;

    /// <summary>Whoever holds <paramref name="role"/>.</summary>
    public static string Role(string role) => "role:" + role;

    /// <summary>The employee <paramref name="employeeId"/> (through the user name linked to them).</summary>
    public static string Employee(Guid employeeId) => "employee:" + employeeId.ToString("D");

    /// <summary>Every employee of department <paramref name="departmentId"/>.</summary>
    public static string Department(Guid departmentId) => "department:" + departmentId.ToString("D");
}

/// <summary>The caller of an inbox: their user name and every addressee key they answer to.</summary>
/// <param name="UserName">The user.</param>
/// <param name="Keys">Their keys: their user, their roles and, when linked to an employee employed today, that employee, their department and all staff.</param>
public sealed record InboxReader(string UserName, IReadOnlyList<string> Keys)
{
    /// <summary>
    /// The reader <paramref name="userName"/> holding <paramref name="roles"/> (already expanded: admin holds every role),
    /// linked to <paramref name="employeeId"/> of <paramref name="departmentId"/> when that employee is employed today.
    /// </summary>
    public static InboxReader For(string userName, IEnumerable<string> roles, Guid? employeeId, Guid? departmentId)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(roles);
        List<string> keys = [InboxAddressees.User(userName), .. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(InboxAddressees.Role)];
        if (employeeId is { } employee)
        {
            keys.Add(InboxAddressees.Employee(employee));
            if (departmentId is { } department) keys.Add(InboxAddressees.Department(department));
            keys.Add(InboxAddressees.AllStaff);
        }
        return new InboxReader(userName, keys);
    }
}

/// <summary>
/// One item of the inbox read model: something a person or a role should act on, fed by the events of every context
/// (<see cref="InboxItemProjection"/>). Items are addressed (<see cref="To"/>) rather than copied per user, because roles
/// and departments are resolved when the caller reads; the per-user part — read marks — is the user's
/// <see cref="Domain.Intranet.Inbox"/> stream.
/// </summary>
/// <param name="Id">Item id, derived from its kind and source (<see cref="IdFor"/>): a rebuild gives the same ids.</param>
/// <param name="Kind">One of <see cref="Domain.Intranet.InboxKinds"/>.</param>
/// <param name="SourceId">The aggregate it is about (reorder, interview, training, correspondence, request, notice, entry, device).</param>
/// <param name="Title">One line saying what to do (never personal data).</param>
/// <param name="Link">The API path of the thing to act on.</param>
/// <param name="At">When the item last changed (an item changed after the reader's read mark is unread again).</param>
/// <param name="To">Addressee keys (<see cref="InboxAddressees"/>); empty while there is nobody to address yet.</param>
/// <param name="NotFor">A user who never sees it although addressed (the requester of a reorder, the poster of an entry: segregation of duties).</param>
/// <param name="DoneBy">Addressee keys for whom it is done (an employee who acknowledged a notice, an interviewer who gave feedback).</param>
/// <param name="Done">Done for everyone (kept only because it can come back, e.g. a reopened support request).</param>
/// <param name="VisibleFrom">Shown from this instant (a due day, an interview's start), when set.</param>
/// <param name="VisibleUntil">Shown until this instant (excluded), when set.</param>
/// <param name="Label">The source's own short name, kept to compose titles (SKU-free: an asset tag, a register number, a summary).</param>
/// <param name="Owner">The user the source belongs to (a support request's requester), when it matters.</param>
/// <param name="Revision">The source's revision the item is about (a notice's), else 0.</param>
public sealed record InboxItem(
    Guid Id, string Kind, Guid SourceId, string Title, string Link, DateTimeOffset At, IReadOnlyList<string> To, string? NotFor,
    IReadOnlyList<string> DoneBy, bool Done, DateTimeOffset? VisibleFrom, DateTimeOffset? VisibleUntil, string? Label, string? Owner, int Revision)
{
    /// <summary>The id of the item of <paramref name="kind"/> about <paramref name="sourceId"/> (and <paramref name="slot"/> when a source has several of one kind).</summary>
    public static Guid IdFor(string kind, Guid sourceId, string? slot = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"backoffice-inbox-item:{kind}:{sourceId:D}:{slot}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);   // version 5-like (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>
    /// Whether <paramref name="reader"/> sees the item at <paramref name="now"/>: addressed to one of their keys, not
    /// done (for everyone or for one of their keys), not kept from them, and within its visibility window.
    /// </summary>
    public bool ShownTo(InboxReader reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return !Done
            && To.Any(reader.Keys.Contains)
            && !DoneBy.Any(reader.Keys.Contains)
            && !string.Equals(NotFor, reader.UserName, StringComparison.Ordinal)
            && (VisibleFrom is not { } from || from <= now)
            && (VisibleUntil is not { } until || now < until);
    }

    /// <summary>The start (UTC) of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
