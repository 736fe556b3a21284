namespace BackOffice.Domain.Ledger;

/// <summary>Marker for the facts of an account of the chart of accounts. Every event is a versioned public contract.</summary>
public interface IAccountEvent
{
    /// <summary>The account the fact belongs to (its stream id).</summary>
    Guid AccountId { get; }
}

/// <summary>Marker for the facts of a journal entry (its own stream, apart from the accounts it posts to).</summary>
public interface IJournalEntryEvent
{
    /// <summary>The journal entry the fact belongs to (its stream id).</summary>
    Guid EntryId { get; }
}

/// <summary>Marker for the facts of a tenant's ledger as a whole: settings, journals, closed periods.</summary>
public interface ILedgerEvent
{
    /// <summary>The tenant's ledger (its stream id, see <see cref="Ledger.IdFor"/>).</summary>
    Guid LedgerId { get; }
}

/// <summary>An account was opened in the chart of accounts.</summary>
/// <param name="AccountId">The new account's id.</param>
/// <param name="Code">Account number (unique per tenant), e.g. <c>512000</c>.</param>
/// <param name="Name">Account label.</param>
/// <param name="Type">Asset, Liability, Equity, Revenue or Expense.</param>
public sealed record AccountOpened(Guid AccountId, string Code, string Name, AccountType Type) : IAccountEvent;

/// <summary>The account was frozen: it takes no posting until unfrozen.</summary>
/// <param name="AccountId">The account.</param>
public sealed record AccountFrozen(Guid AccountId) : IAccountEvent;

/// <summary>The frozen account was opened again for postings.</summary>
/// <param name="AccountId">The account.</param>
public sealed record AccountUnfrozen(Guid AccountId) : IAccountEvent;

/// <summary>The account was closed at a zero balance; it takes no posting any more.</summary>
/// <param name="AccountId">The account.</param>
public sealed record AccountClosed(Guid AccountId) : IAccountEvent;

/// <summary>One line of a journal entry: exactly one of <see cref="Debit"/> and <see cref="Credit"/> is positive, the other 0.</summary>
/// <param name="AccountId">The account posted to.</param>
/// <param name="Debit">Amount debited (0 on a credit line).</param>
/// <param name="Credit">Amount credited (0 on a debit line).</param>
public sealed record EntryLine(Guid AccountId, decimal Debit, decimal Credit);

/// <summary>An entry above the tenant's approval threshold was recorded; it posts once a manager other than its poster approves it.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="JournalCode">Its journal (VE, AC, BQ, OD or the tenant's own).</param>
/// <param name="Date">Accounting date.</param>
/// <param name="Memo">Label of the entry.</param>
/// <param name="PieceRef">Supporting document's reference.</param>
/// <param name="PieceDate">Supporting document's date.</param>
/// <param name="Lines">Its lines (balanced).</param>
/// <param name="Total">Sum of the debits (= sum of the credits).</param>
/// <param name="PostedBy">The user who entered it.</param>
public sealed record JournalEntryAwaitingApproval(
    Guid EntryId, string JournalCode, DateOnly Date, string Memo, string? PieceRef, DateOnly? PieceDate,
    IReadOnlyList<EntryLine> Lines, decimal Total, string PostedBy) : IJournalEntryEvent;

/// <summary>A manager approved an entry that awaited approval (its <see cref="JournalEntryPosted"/> follows in the same transaction).</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="ApprovedBy">Approving user (never the poster).</param>
/// <param name="ApprovedAt">When.</param>
public sealed record JournalEntryApproved(Guid EntryId, string ApprovedBy, DateTimeOffset ApprovedAt) : IJournalEntryEvent;

/// <summary>
/// The entry was posted to its accounts: the one fact balances, the general ledger, the trial balance and the FEC
/// are derived from. It carries the gapless number of its journal and fiscal year.
/// </summary>
/// <param name="EntryId">The entry.</param>
/// <param name="JournalCode">Its journal.</param>
/// <param name="FiscalYear">Fiscal year of <paramref name="Date"/> (the calendar year its fiscal year ends in).</param>
/// <param name="Number">Gapless number, <c>VE-2026-000042</c>.</param>
/// <param name="Date">Accounting date.</param>
/// <param name="Memo">Label.</param>
/// <param name="PieceRef">Supporting document's reference.</param>
/// <param name="PieceDate">Supporting document's date.</param>
/// <param name="Lines">Its lines (balanced).</param>
/// <param name="Total">Sum of the debits (= sum of the credits).</param>
/// <param name="PostedBy">The user who entered it.</param>
/// <param name="ReversalOf">The entry this one reverses, when it is a reversal.</param>
public sealed record JournalEntryPosted(
    Guid EntryId, string JournalCode, int FiscalYear, string Number, DateOnly Date, string Memo, string? PieceRef, DateOnly? PieceDate,
    IReadOnlyList<EntryLine> Lines, decimal Total, string PostedBy, Guid? ReversalOf) : IJournalEntryEvent;

/// <summary>The entry was reversed by the mirror entry <paramref name="ReversalId"/>.</summary>
/// <param name="EntryId">The reversed entry.</param>
/// <param name="ReversalId">The reversal entry.</param>
/// <param name="Date">The reversal's accounting date.</param>
public sealed record JournalEntryReversed(Guid EntryId, Guid ReversalId, DateOnly Date) : IJournalEntryEvent;

/// <summary>The ledger settings changed.</summary>
/// <param name="LedgerId">The tenant's ledger.</param>
/// <param name="Siren">The company's SIREN (9 digits), for the FEC file name.</param>
/// <param name="FiscalYearEnd">Last day of the fiscal year, <c>MM-dd</c>.</param>
/// <param name="ApprovalThreshold">Entries whose total exceeds it await approval.</param>
public sealed record LedgerSettingsChanged(Guid LedgerId, string? Siren, string FiscalYearEnd, decimal ApprovalThreshold) : ILedgerEvent;

/// <summary>The tenant added a journal of its own.</summary>
/// <param name="LedgerId">The tenant's ledger.</param>
/// <param name="Code">Journal code (2–10 letters or digits, upper case).</param>
/// <param name="Name">Label.</param>
public sealed record JournalAdded(Guid LedgerId, string Code, string Name) : ILedgerEvent;

/// <summary>The books were closed through a date: no entry dated on or before it is accepted any more.</summary>
/// <param name="LedgerId">The tenant's ledger.</param>
/// <param name="Through">Last day of the closed period.</param>
public sealed record PeriodClosed(Guid LedgerId, DateOnly Through) : ILedgerEvent;
