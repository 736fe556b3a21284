namespace BackOffice.Domain.Ledger;

/// <summary>Reverses a posted entry with its mirror entry.</summary>
/// <param name="ReversalId">The id the reversal entry gets (made at the edge).</param>
/// <param name="Date">The reversal's accounting date (not in a closed period).</param>
/// <param name="Memo">Its label; by default "Reversal of {number}".</param>
public sealed record ReverseJournalEntry(Guid ReversalId, DateOnly Date, string? Memo);

/// <summary>What a reversal does: a fact on the reversed entry, and the reversal entry (a new stream, to be numbered).</summary>
/// <param name="Reversed">Appended to the reversed entry's stream.</param>
/// <param name="Reversal">Starts the reversal entry's stream.</param>
public sealed record ReversalOutcome(JournalEntryReversed Reversed, JournalEntryPosted Reversal);

public sealed partial record JournalEntry
{
    /// <summary>
    /// Decides a reversal: the mirror entry (debits and credits swapped) in the same journal, on <see cref="ReverseJournalEntry.Date"/>,
    /// linked both ways. Only a posted entry not reversed yet; the period must be open and the accounts open.
    /// </summary>
    public ReversalOutcome Reverse(ReverseJournalEntry command, Ledger ledger, IReadOnlyDictionary<Guid, Account> accounts, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(context);
        if (Status != JournalEntryStatus.Posted)
            throw new DomainException(ErrorCodes.EntryNotPosted, "An entry awaiting approval cannot be reversed: it has not posted.");
        if (ReversalId is { } existing)
            throw new DomainException(ErrorCodes.EntryAlreadyReversed, $"Entry {Number} was already reversed by {existing}.");
        var memo = Guard.OptionalText(command.Memo, "memo", 500) ?? $"Reversal of {Number}";
        var lines = Lines.Select(l => new EntryLine(l.AccountId, l.Credit, l.Debit)).ToList();
        RequireOpenAccounts(lines, accounts);
        ledger.RequireOpenPeriod(command.Date);
        var reversal = new JournalEntryPosted(command.ReversalId, JournalCode, ledger.FiscalYearOf(command.Date), "", command.Date, memo,
            Number, Date, lines, Total, context.User, Id);
        return new ReversalOutcome(new JournalEntryReversed(Id, command.ReversalId, command.Date), reversal);
    }
}
