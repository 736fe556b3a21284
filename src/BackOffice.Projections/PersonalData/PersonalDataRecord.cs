namespace BackOffice.Projections.PersonalData;

/// <summary>
/// Everything the tenant holds about one data subject: named fields (<see cref="PersonalFields"/>) with their values.
/// The only place where personal values live; events and read models carry the subject id instead.
/// After erasure the field names remain with null values and <see cref="Erased"/> is true.
/// </summary>
public sealed record PersonalDataRecord
{
    /// <summary>The subject id (document id).</summary>
    public Guid Id { get; init; }
    /// <summary>Field name → value (null once erased).</summary>
    public Dictionary<string, string?> Fields { get; init; } = new(StringComparer.Ordinal);
    /// <summary>True once the subject's data was erased.</summary>
    public bool Erased { get; init; }
    /// <summary>When it was erased.</summary>
    public DateTimeOffset? ErasedAt { get; init; }
}

/// <summary>One stream that refers to a data subject (the subject-access index).</summary>
public sealed record SubjectStreamReference
{
    /// <summary>Document id: <c>{subjectId}:{streamId}</c>.</summary>
    public string Id { get; init; } = "";
    /// <summary>The subject.</summary>
    public Guid SubjectId { get; init; }
    /// <summary>The stream that refers to the subject.</summary>
    public Guid StreamId { get; init; }
    /// <summary>The stream's type (e.g. <c>candidate</c>, <c>employee</c>).</summary>
    public string StreamType { get; init; } = "";

    /// <summary>The document id of a reference.</summary>
    public static string IdOf(Guid subjectId, Guid streamId) => $"{subjectId:N}:{streamId:N}";
}

/// <summary>The usual field names (any other name may be used: e.g. <c>screeningNote:{id}</c>).</summary>
public static class PersonalFields
{
    /// <summary>Full name.</summary>
    public const string Name = "name";
    /// <summary>E-mail address.</summary>
    public const string Email = "email";
    /// <summary>Phone number.</summary>
    public const string Phone = "phone";
    /// <summary>Postal address.</summary>
    public const string Address = "address";
    /// <summary>Résumé text.</summary>
    public const string Resume = "resume";
    /// <summary>Free-text notes about the person.</summary>
    public const string Notes = "notes";
}
