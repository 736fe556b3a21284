using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.FrontDesk;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>
/// The correspondent's fields in the personal-data store: name, e-mail, phone and address (of
/// <see cref="PersonalFields"/>) and <see cref="Organization"/> for the correspondent; the subject line and a caller's
/// message per item. All under the correspondent's subject, so that a subject-access request finds them and an
/// erasure removes them.
/// </summary>
public static class CorrespondenceFields
{
    /// <summary>The organisation the correspondent writes for.</summary>
    public const string Organization = "organization";

    /// <summary>The stream type recorded in the subject → stream references.</summary>
    public const string StreamType = "correspondence";

    /// <summary>One item's subject line.</summary>
    public static string Subject(Guid correspondenceId) => $"correspondenceSubject:{correspondenceId:N}";

    /// <summary>One item's caller message.</summary>
    public static string Message(Guid correspondenceId) => $"correspondenceMessage:{correspondenceId:N}";

    /// <summary>
    /// The subject of a correspondent: a known one's (found by <see cref="Correspondent.Key"/>), else
    /// <paramref name="newSubject"/>, which is then recorded under the key (in the command's transaction).
    /// </summary>
    public static async Task<Guid> SubjectOfAsync(IDocumentSession session, Correspondent correspondent, Guid newSubject, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(correspondent);
        if (correspondent.Key is not { } key) return newSubject;
        var id = CorrespondentKey.IdOf(key);
        if (await session.LoadAsync<CorrespondentKey>(id, cancellation).ConfigureAwait(false) is { } known) return known.SubjectId;
        session.Store(new CorrespondentKey { Id = id, SubjectId = newSubject });
        return newSubject;
    }

    /// <summary>
    /// Stores the correspondent's details (given values replace the known ones; values not given are kept), the item's
    /// subject line and message, and the subject → item reference.
    /// </summary>
    public static Task PutAsync(IPersonalDataStore store, IDocumentSession session, RegisterCorrespondence command, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(command);
        var c = command.Correspondent;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [PersonalFields.Name] = c.Name.Trim(),
            [Subject(command.CorrespondenceId)] = command.Subject.Trim(),
        };
        void Keep(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) fields[field] = value.Trim();
        }
        Keep(Organization, c.Organization);
        Keep(PersonalFields.Email, c.Email);
        Keep(PersonalFields.Phone, c.Phone);
        Keep(PersonalFields.Address, c.Address);
        Keep(Message(command.CorrespondenceId), command.Message);
        store.Refer(session, command.SubjectId, command.CorrespondenceId, StreamType);
        return store.PutAsync(session, command.SubjectId, fields, cancellation);
    }
}
