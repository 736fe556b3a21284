namespace BackOffice.Domain.Ledger;

/// <summary>A line of a journal entry as entered: exactly one of <see cref="Debit"/> or <see cref="Credit"/>.</summary>
/// <param name="AccountId">An open account.</param>
/// <param name="Debit">&gt; 0, at most 2 decimals, or null.</param>
/// <param name="Credit">&gt; 0, at most 2 decimals, or null.</param>
public sealed record PostingLine(Guid AccountId, decimal? Debit, decimal? Credit);

/// <summary>Posts a journal entry.</summary>
/// <param name="EntryId">The id the entry gets (made at the edge).</param>
/// <param name="Date">Accounting date (not in a closed period).</param>
/// <param name="Memo">Label (1–500).</param>
/// <param name="JournalCode">Its journal (default OD).</param>
/// <param name="PieceRef">Supporting document's reference (≤ 100).</param>
/// <param name="PieceDate">Supporting document's date.</param>
/// <param name="Lines">Two or more lines, debits = credits.</param>
public sealed record PostJournalEntry(
    Guid EntryId, DateOnly Date, string Memo, string? JournalCode, string? PieceRef, DateOnly? PieceDate, IReadOnlyList<PostingLine> Lines);

public sealed partial record JournalEntry
{
    /// <summary>
    /// Decides an entry: <see cref="JournalEntryPosted"/> (to be numbered with <see cref="Numbered"/>) or, when its total
    /// exceeds the ledger's approval threshold, <see cref="JournalEntryAwaitingApproval"/>.
    /// </summary>
    /// <param name="command">The entry.</param>
    /// <param name="ledger">The tenant's ledger (journals, closed period, threshold, fiscal year).</param>
    /// <param name="accounts">The accounts the lines name, as found (a missing one is unknown).</param>
    /// <param name="context">Who posts.</param>
    public static IReadOnlyList<IJournalEntryEvent> Post(
        PostJournalEntry command, Ledger ledger, IReadOnlyDictionary<Guid, Account> accounts, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(context);
        var memo = Guard.Text(command.Memo, "memo", 500);
        var pieceRef = Guard.OptionalText(command.PieceRef, "pieceRef", 100);
        var lines = CheckLines(command.Lines);
        var total = lines.Sum(l => l.Debit);
        var journal = ledger.RequireJournal(string.IsNullOrWhiteSpace(command.JournalCode) ? Ledger.DefaultJournal : command.JournalCode.Trim());
        RequireOpenAccounts(lines, accounts);
        ledger.RequireOpenPeriod(command.Date);
        if (total > ledger.ApprovalThreshold)
            return [new JournalEntryAwaitingApproval(command.EntryId, journal.Code, command.Date, memo, pieceRef, command.PieceDate, lines, total, context.User)];
        return [new JournalEntryPosted(command.EntryId, journal.Code, ledger.FiscalYearOf(command.Date), "", command.Date, memo, pieceRef,
            command.PieceDate, lines, total, context.User, null)];
    }

    /// <summary>Two or more lines, each exactly one of debit or credit, &gt; 0 with at most 2 decimals; debits = credits.</summary>
    internal static IReadOnlyList<EntryLine> CheckLines(IReadOnlyList<PostingLine>? lines)
    {
        if (lines is null || lines.Count < 2) throw DomainException.Invalid("lines", "An entry needs at least 2 lines.");
        var result = new List<EntryLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"lines[{i}]";
            if (line is null) throw DomainException.Invalid(field, $"'{field}' is required.");
            if (line.AccountId == Guid.Empty) throw DomainException.Invalid(field + ".accountId", $"'{field}.accountId' is required.");
            if ((line.Debit is null) == (line.Credit is null))
                throw DomainException.Invalid(field, $"'{field}' must have exactly one of debit or credit.");
            var amount = line.Debit ?? line.Credit!.Value;
            var side = line.Debit is null ? "credit" : "debit";
            if (amount <= 0) throw DomainException.Invalid($"{field}.{side}", $"'{field}.{side}' must be greater than 0.");
            Guard.Money(amount, $"{field}.{side}");
            result.Add(new EntryLine(line.AccountId, line.Debit ?? 0m, line.Credit ?? 0m));
        }
        var debits = result.Sum(l => l.Debit);
        var credits = result.Sum(l => l.Credit);
        if (debits != credits)
            throw new DomainException(ErrorCodes.EntryUnbalanced,
                $"The entry is unbalanced: debits total {debits:0.00}, credits total {credits:0.00} (difference {debits - credits:0.00}).", "lines");
        return result;
    }

    /// <summary>Every account exists (else a validation error naming the line) and takes postings (else <c>account-not-open</c>).</summary>
    internal static void RequireOpenAccounts(IReadOnlyList<EntryLine> lines, IReadOnlyDictionary<Guid, Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!accounts.TryGetValue(lines[i].AccountId, out var account))
                throw DomainException.Invalid($"lines[{i}].accountId", $"Account {lines[i].AccountId} does not exist.");
            account.RequireOpen($"lines[{i}].accountId");
        }
    }
}
