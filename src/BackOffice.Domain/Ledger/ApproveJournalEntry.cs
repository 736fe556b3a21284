namespace BackOffice.Domain.Ledger;

public sealed partial record JournalEntry
{
    /// <summary>
    /// A manager approves an entry awaiting approval: it posts now (to be numbered with <see cref="Numbered"/>). Never
    /// its poster (<c>segregation-of-duties</c>); the period must still be open and every account still open.
    /// </summary>
    public IReadOnlyList<IJournalEntryEvent> Approve(Ledger ledger, IReadOnlyDictionary<Guid, Account> accounts, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(context);
        if (Status != JournalEntryStatus.AwaitingApproval)
            throw new DomainException(ErrorCodes.EntryNotAwaitingApproval, $"Entry {Number ?? Id.ToString()} is already posted.");
        if (string.Equals(context.User, PostedBy, StringComparison.Ordinal))
            throw new DomainException(ErrorCodes.SegregationOfDuties, "The poster of an entry may not approve it: another manager must.");
        RequireOpenAccounts(Lines, accounts);
        ledger.RequireOpenPeriod(Date);
        return
        [
            new JournalEntryApproved(Id, context.User, context.Now),
            new JournalEntryPosted(Id, JournalCode, ledger.FiscalYearOf(Date), "", Date, Memo, PieceRef, PieceDate, Lines, Total, PostedBy, null),
        ];
    }
}
