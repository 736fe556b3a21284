namespace BackOffice.Domain.PersonalData;

/// <summary>
/// A data subject's personal data was erased from the personal-data store and from every read model that held a copy.
/// Appended to the subject's own stream (stream id = subject id). Every other fact stays as it was.
/// </summary>
/// <param name="SubjectId">The data subject.</param>
/// <param name="ErasedAt">When the erasure took place.</param>
public sealed record PersonalDataErased(Guid SubjectId, DateTimeOffset ErasedAt);
