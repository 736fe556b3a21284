using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Domain.Intranet;

/// <summary>
/// A user's inbox as far as the user acts on it: the read marks (one stream per user and tenant, id
/// <see cref="IdFor"/>). The items themselves are a read model fed by every context's events; a mark is an event, so
/// a rebuild of that read model finds the same items read. An item counts as read when the user's last mark of it is
/// not older than the item's last change (<see cref="IsRead"/>): an item that changes asks to be read again.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="UserName">The user.</param>
/// <param name="ReadMarks">For each item read, when it was last marked read.</param>
public sealed partial record Inbox(Guid Id, string UserName, IReadOnlyDictionary<Guid, DateTimeOffset> ReadMarks)
{
    /// <summary>The inbox stream of <paramref name="userName"/> (name-based: the same user always has the same inbox).</summary>
    public static Guid IdFor(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("backoffice-inbox:" + userName));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);   // version 5-like (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>The inbox of a user who never marked anything.</summary>
    public static Inbox Empty(string userName) => new(IdFor(userName), userName, new Dictionary<Guid, DateTimeOffset>());

    /// <summary>Whether the item <paramref name="itemId"/>, last changed at <paramref name="itemChangedAt"/>, is read.</summary>
    public bool IsRead(Guid itemId, DateTimeOffset itemChangedAt) => ReadMarks.TryGetValue(itemId, out var at) && at >= itemChangedAt;

    /// <summary>Applies one event to a state (or to nothing, for the first event). Unknown events leave the state unchanged.</summary>
    public static Inbox? Evolve(Inbox? state, object @event) => (state, @event) switch
    {
        (_, InboxItemRead e) => (state ?? Empty(e.UserName)) with
        {
            ReadMarks = new Dictionary<Guid, DateTimeOffset>((state ?? Empty(e.UserName)).ReadMarks) { [e.ItemId] = e.At },
        },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Inbox? From(IEnumerable<object> events) => events.Aggregate((Inbox?)null, Evolve);
}
