using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.PersonalData;

/// <summary>
/// Reads personal values for read models that join them at read time (so that no read model holds a copy and erasure
/// needs no scrubber): one subject, or the subjects of a page at once.
/// </summary>
public static class PersonalValues
{
    /// <summary>The values of one subject (empty when nothing is held).</summary>
    public static async Task<Held> OfAsync(IQuerySession session, Guid subjectId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var record = await session.LoadAsync<PersonalDataRecord>(subjectId, cancellation).ConfigureAwait(false);
        return Held.From(record);
    }

    /// <summary>The values of several subjects, by subject id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Held>> OfAsync(IQuerySession session, IEnumerable<Guid> subjectIds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = subjectIds.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, Held>();
        var records = await session.LoadManyAsync<PersonalDataRecord>(cancellation, ids).ConfigureAwait(false);
        var found = records.ToDictionary(r => r.Id);
        return ids.ToDictionary(id => id, id => Held.From(found.GetValueOrDefault(id)));
    }

    /// <summary>What is held about a subject.</summary>
    /// <param name="Fields">Field → value (values are null once erased).</param>
    /// <param name="Erased">Whether the subject's data was erased.</param>
    public sealed record Held(IReadOnlyDictionary<string, string?> Fields, bool Erased)
    {
        /// <summary>A field's value, null when absent or erased.</summary>
        public string? this[string field] => Erased ? null : Fields.GetValueOrDefault(field);

        internal static Held From(PersonalDataRecord? record)
            => record is null ? new Held(new Dictionary<string, string?>(), false) : new Held(record.Fields, record.Erased);
    }
}
