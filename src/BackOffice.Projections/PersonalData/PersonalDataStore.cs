using BackOffice.Domain.PersonalData;
using Marten;

namespace BackOffice.Projections.PersonalData;

/// <summary>The Marten implementation of <see cref="IPersonalDataStore"/> (multi-tenanted documents).</summary>
/// <param name="scrubbers">Read models holding copies of personal values.</param>
public sealed class PersonalDataStore(IEnumerable<IPersonalDataScrubber> scrubbers) : IPersonalDataStore
{
    /// <summary>The stream type of a subject's own stream (where <c>PersonalDataErased</c> goes).</summary>
    public const string SubjectStreamType = "personal_data_subject";

    private readonly IReadOnlyList<IPersonalDataScrubber> scrubbers = [.. scrubbers];

    /// <summary>A store with no scrubber.</summary>
    public PersonalDataStore() : this([]) { }

    /// <inheritdoc />
    public async Task PutAsync(IDocumentSession session, Guid subjectId, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        var current = await session.LoadAsync<PersonalDataRecord>(subjectId, cancellation).ConfigureAwait(false);
        var values = current is { Erased: false } ? new Dictionary<string, string?>(current.Fields, StringComparer.Ordinal) : new(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (value is null) values.Remove(name);
            else values[name] = value;
        }
        session.Store(new PersonalDataRecord { Id = subjectId, Fields = values });
    }

    /// <inheritdoc />
    public void Refer(IDocumentSession session, Guid subjectId, Guid streamId, string streamType)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Store(new SubjectStreamReference
        {
            Id = SubjectStreamReference.IdOf(subjectId, streamId), SubjectId = subjectId, StreamId = streamId, StreamType = streamType,
        });
    }

    /// <inheritdoc />
    public async Task<PersonalDataRecord?> GetAsync(IQuerySession session, Guid subjectId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<PersonalDataRecord>(subjectId, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubjectStreamReference>> StreamsAsync(IQuerySession session, Guid subjectId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<SubjectStreamReference>().Where(r => r.SubjectId == subjectId)
            .OrderBy(r => r.StreamId).ToListAsync(cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> EraseAsync(IDocumentSession session, Guid subjectId, DateTimeOffset at, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var record = await session.LoadAsync<PersonalDataRecord>(subjectId, cancellation).ConfigureAwait(false);
        if (record is { Erased: true }) return true;
        if (record is null && (await StreamsAsync(session, subjectId, cancellation).ConfigureAwait(false)).Count == 0) return false;

        var fields = (record?.Fields.Keys.AsEnumerable() ?? []).ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal);
        session.Store(new PersonalDataRecord { Id = subjectId, Fields = fields, Erased = true, ErasedAt = at });
        foreach (var scrubber in scrubbers)
            await scrubber.ScrubAsync(session, subjectId, cancellation).ConfigureAwait(false);
        session.Events.Append(subjectId, new PersonalDataErased(subjectId, at));
        Refer(session, subjectId, subjectId, SubjectStreamType);
        return true;
    }
}
