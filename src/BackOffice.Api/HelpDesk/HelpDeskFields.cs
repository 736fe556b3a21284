using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Api.HelpDesk;

/// <summary>
/// Where a support request's free text lives in the personal-data store: under the requester's subject, one field per
/// text, named after the request (a requester's subject holds the texts of all their requests).
/// </summary>
public static class HelpDeskFields
{
    /// <summary>The stream type recorded in the subject → stream references.</summary>
    public const string StreamType = "support_request";

    /// <summary>The request's description.</summary>
    public static string Description(Guid requestId) => $"supportRequest:{requestId:N}:description";

    /// <summary>One comment's text.</summary>
    public static string Comment(Guid requestId, Guid commentId) => $"supportRequest:{requestId:N}:comment:{commentId:N}";

    /// <summary>The latest resolution.</summary>
    public static string Resolution(Guid requestId) => $"supportRequest:{requestId:N}:resolution";

    /// <summary>Why the request was reopened (one per reopening).</summary>
    public static string ReopenReason(Guid requestId, Guid reopeningId) => $"supportRequest:{requestId:N}:reopenReason:{reopeningId:N}";

    /// <summary>
    /// The requester's subject: derived from the user name (the same user always gets the same subject, within their
    /// tenant's store), so that a subject-access request or an erasure reaches every request of the person.
    /// </summary>
    public static Guid RequesterSubject(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("backoffice:requester:" + userName), hash);
        var bytes = hash[..16].ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);   // version 8 (name-based, custom), in the little-endian layout of Guid
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(bytes);
    }
}
