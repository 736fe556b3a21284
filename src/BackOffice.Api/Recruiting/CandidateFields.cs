namespace BackOffice.Api.Recruiting;

/// <summary>
/// Names of the candidate's fields in the personal-data store (besides name, e-mail, phone and résumé of
/// <see cref="Projections.PersonalData.PersonalFields"/>): every free text written about the person.
/// </summary>
public static class CandidateFields
{
    /// <summary>Screening notes.</summary>
    public const string ScreeningNotes = "screeningNotes";
    /// <summary>Rejection notes.</summary>
    public const string RejectionNotes = "rejectionNotes";
    /// <summary>Why the candidate withdrew.</summary>
    public const string WithdrawalReason = "withdrawalReason";
    /// <summary>Why the offer was declined.</summary>
    public const string DeclineReason = "declineReason";

    /// <summary>One interviewer's feedback notes on one interview.</summary>
    public static string FeedbackNotes(Guid interviewId, string interviewer) => $"feedbackNotes:{interviewId:N}:{interviewer}";

    /// <summary>Why an interview was cancelled.</summary>
    public static string InterviewCancellation(Guid interviewId) => $"interviewCancellation:{interviewId:N}";

    /// <summary>The stream type recorded in the subject → stream references.</summary>
    public const string StreamType = "candidate";
}

/// <summary>Stores free text about a candidate in the personal-data store, in the command's transaction.</summary>
public static class CandidateNotes
{
    /// <summary>
    /// A writer for <c>alongside</c>: when the command appended events and <paramref name="value"/> is not blank,
    /// stores it (trimmed) as <paramref name="field"/> of the candidate's subject.
    /// </summary>
    public static Func<Marten.IDocumentSession, CommandResult, Task> Put(
        Projections.PersonalData.IPersonalDataStore store, string field, string? value, CancellationToken cancellation)
        => async (session, result) =>
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (result.Events.OfType<Domain.Recruiting.ICandidateEvent>().FirstOrDefault() is not { } e) return;
            await store.PutAsync(session, e.SubjectId, new Dictionary<string, string?> { [field] = value.Trim() }, cancellation).ConfigureAwait(false);
        };
}
