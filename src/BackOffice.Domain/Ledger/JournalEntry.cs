namespace BackOffice.Domain.Ledger;

/// <summary>Where a journal entry stands.</summary>
public enum JournalEntryStatus
{
    /// <summary>Above the approval threshold: waits for a manager other than its poster.</summary>
    AwaitingApproval,
    /// <summary>Posted to its accounts (reversed or not).</summary>
    Posted,
}

/// <summary>
/// A journal entry: its own stream, so that entries posting to the same account never compete for a version (they
/// commute). Never edited or deleted: a posted entry is corrected by its reversal.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="JournalCode">Its journal.</param>
/// <param name="Date">Accounting date.</param>
/// <param name="Memo">Label.</param>
/// <param name="PieceRef">Supporting document's reference.</param>
/// <param name="PieceDate">Supporting document's date.</param>
/// <param name="Lines">Balanced lines.</param>
/// <param name="Total">Sum of the debits.</param>
/// <param name="PostedBy">The user who entered it.</param>
/// <param name="Status">AwaitingApproval or Posted.</param>
/// <param name="Number">Gapless number once posted.</param>
/// <param name="ApprovedBy">Approver, when it needed approval.</param>
/// <param name="ReversalOf">The entry it reverses, when it is a reversal.</param>
/// <param name="ReversalId">The entry that reversed it, once reversed.</param>
public sealed partial record JournalEntry(
    Guid Id, string JournalCode, DateOnly Date, string Memo, string? PieceRef, DateOnly? PieceDate, IReadOnlyList<EntryLine> Lines,
    decimal Total, string PostedBy, JournalEntryStatus Status, string? Number, string? ApprovedBy, Guid? ReversalOf, Guid? ReversalId)
{
    /// <summary>Applies one event to a state (or to nothing, for the first event).</summary>
    public static JournalEntry? Evolve(JournalEntry? state, object @event) => (state, @event) switch
    {
        (null, JournalEntryAwaitingApproval e) => new JournalEntry(e.EntryId, e.JournalCode, e.Date, e.Memo, e.PieceRef, e.PieceDate,
            e.Lines, e.Total, e.PostedBy, JournalEntryStatus.AwaitingApproval, null, null, null, null),
        (null, JournalEntryPosted e) => new JournalEntry(e.EntryId, e.JournalCode, e.Date, e.Memo, e.PieceRef, e.PieceDate,
            e.Lines, e.Total, e.PostedBy, JournalEntryStatus.Posted, e.Number, null, e.ReversalOf, null),
        (null, _) => null,
        (_, JournalEntryApproved e) => state with { ApprovedBy = e.ApprovedBy },
        (_, JournalEntryPosted e) => state with { Status = JournalEntryStatus.Posted, Number = e.Number },
        (_, JournalEntryReversed e) => state with { ReversalId = e.ReversalId },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static JournalEntry? From(IEnumerable<object> events) => events.Aggregate((JournalEntry?)null, Evolve);

    /// <summary>
    /// The posted event with its gapless number: the sequence comes from the store's counter of the entry's journal and
    /// fiscal year, taken in the posting's own transaction.
    /// </summary>
    public static JournalEntryPosted Numbered(JournalEntryPosted posted, long sequence)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return posted with { Number = Ledger.EntryNumber(posted.JournalCode, posted.FiscalYear, sequence) };
    }

    /// <summary>The accounts an entry's lines post to, in a stable order (the order their streams are locked in).</summary>
    public static IReadOnlyList<Guid> AccountsOf(IEnumerable<Guid> accountIds) => [.. accountIds.Distinct().Order()];
}
