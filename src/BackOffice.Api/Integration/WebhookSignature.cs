using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Api.Integration;

/// <summary>The headers of a delivery: its signature and its id.</summary>
public static class WebhookSignature
{
    /// <summary>The stored event name of the delivered item.</summary>
    public const string EventHeader = "X-BackOffice-Event";
    /// <summary>The delivery's id: the same on every attempt of the same item to the same subscription.</summary>
    public const string DeliveryHeader = "X-BackOffice-Delivery";
    /// <summary><c>sha256=&lt;hex HMAC-SHA256 of the body, keyed with the subscription's secret&gt;</c>.</summary>
    public const string SignatureHeader = "X-BackOffice-Signature";

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of <paramref name="body"/> keyed with the UTF-8 bytes of <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="signature"/> (the header's value) signs <paramref name="body"/> with <paramref name="secret"/>; constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature)
        => signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>
    /// The delivery id of item <paramref name="sequence"/> to subscription <paramref name="webhookId"/>: a name-based UUID
    /// (version 8, from SHA-256 of both), so that a retry, even after a crash, repeats it.
    /// </summary>
    public static Guid DeliveryId(Guid webhookId, long sequence)
    {
        Span<byte> name = stackalloc byte[24];
        webhookId.TryWriteBytes(name[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(name[16..], sequence);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);   // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);   // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
