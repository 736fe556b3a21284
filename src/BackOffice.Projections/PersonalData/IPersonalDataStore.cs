using Marten;

namespace BackOffice.Projections.PersonalData;

/// <summary>
/// The personal-data store, keyed by (tenant, subject id). Writes go through the caller's <see cref="IDocumentSession"/>,
/// so personal data commits in the same transaction as the command's events (pass the CommandExecutor's session).
/// Events and read models hold the subject id only; a read model that must hold a copy registers an
/// <see cref="IPersonalDataScrubber"/> so that erasure removes it too.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>
    /// Sets fields of <paramref name="subjectId"/> (a null value removes the field); other fields stay. Writing to an
    /// erased subject starts a new record (erasure is not a ban on new data given later).
    /// </summary>
    Task PutAsync(IDocumentSession session, Guid subjectId, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellation = default);

    /// <summary>Records that stream <paramref name="streamId"/> refers to <paramref name="subjectId"/> (idempotent).</summary>
    void Refer(IDocumentSession session, Guid subjectId, Guid streamId, string streamType);

    /// <summary>The subject's record, or null when nothing is held.</summary>
    Task<PersonalDataRecord?> GetAsync(IQuerySession session, Guid subjectId, CancellationToken cancellation = default);

    /// <summary>The streams that refer to the subject.</summary>
    Task<IReadOnlyList<SubjectStreamReference>> StreamsAsync(IQuerySession session, Guid subjectId, CancellationToken cancellation = default);

    /// <summary>
    /// Erases the subject: nulls every value of the record, runs every <see cref="IPersonalDataScrubber"/>, and appends
    /// <c>PersonalDataErased</c> to the subject's stream (stream id = subject id). Idempotent: erasing an erased subject
    /// changes nothing. Returns false when nothing is known about the subject.
    /// </summary>
    Task<bool> EraseAsync(IDocumentSession session, Guid subjectId, DateTimeOffset at, CancellationToken cancellation = default);
}

/// <summary>A read model or table that holds copies of personal values and removes them on erasure.</summary>
public interface IPersonalDataScrubber
{
    /// <summary>Removes <paramref name="subjectId"/>'s personal values, in <paramref name="session"/>'s transaction.</summary>
    Task ScrubAsync(IDocumentSession session, Guid subjectId, CancellationToken cancellation);
}
