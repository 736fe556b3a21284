using System.Security.Cryptography;
using System.Text;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Projections.FrontDesk;

/// <summary>
/// How a known correspondent is found again: the SHA-256 of their normalised e-mail address (see
/// <see cref="Domain.FrontDesk.Correspondent.Key"/>) → their subject id, per tenant. The address itself is not stored
/// here; on erasure the key goes too (<see cref="CorrespondentKeyScrubber"/>), so a later item from the same address
/// starts a new subject.
/// </summary>
public sealed record CorrespondentKey
{
    /// <summary>Document id: the hex SHA-256 of the normalised e-mail address.</summary>
    public string Id { get; init; } = "";
    /// <summary>The correspondent's subject id.</summary>
    public Guid SubjectId { get; init; }

    /// <summary>The document id for a normalised key.</summary>
    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Removes an erased subject's correspondent keys, in the erasure's transaction.</summary>
public sealed class CorrespondentKeyScrubber : IPersonalDataScrubber
{
    /// <inheritdoc />
    public Task ScrubAsync(IDocumentSession session, Guid subjectId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.DeleteWhere<CorrespondentKey>(k => k.SubjectId == subjectId);
        return Task.CompletedTask;
    }
}
