using BackOffice.Domain.Ledger;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BackOffice.Projections.Ledger;

/// <summary>
/// One line of a posted journal entry, as the balances, the general ledger, the trial balance and the FEC read it
/// (document id <c>{entryId}:{line}</c>). Kept inline from <see cref="JournalEntryPosted"/>, so a balance read right after
/// a posting includes it; account balances are sums of these rows, never a counter on the account.
/// </summary>
public sealed class LedgerPosting
{
    /// <summary><c>{entryId}:{line index}</c>.</summary>
    public string Id { get; set; } = "";
    /// <summary>The entry.</summary>
    public Guid EntryId { get; set; }
    /// <summary>Index of the line in the entry.</summary>
    public int Line { get; set; }
    /// <summary>The account posted to.</summary>
    public Guid AccountId { get; set; }
    /// <summary>Accounting date.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Debit (0 on a credit line).</summary>
    public decimal Debit { get; set; }
    /// <summary>Credit (0 on a debit line).</summary>
    public decimal Credit { get; set; }
    /// <summary>Journal code.</summary>
    public string JournalCode { get; set; } = "";
    /// <summary>Fiscal year of the date.</summary>
    public int FiscalYear { get; set; }
    /// <summary>The entry's gapless number.</summary>
    public string Number { get; set; } = "";
    /// <summary>The entry's label.</summary>
    public string Memo { get; set; } = "";
    /// <summary>Supporting document's reference.</summary>
    public string? PieceRef { get; set; }
    /// <summary>Supporting document's date.</summary>
    public DateOnly? PieceDate { get; set; }
    /// <summary>When the entry was posted (validated): the event's timestamp.</summary>
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The entry this one reverses, when a reversal.</summary>
    public Guid? ReversalOf { get; set; }
}

/// <summary>Writes one <see cref="LedgerPosting"/> per line of each <see cref="JournalEntryPosted"/> (inline).</summary>
internal sealed partial class LedgerPostingProjection : EventProjection
{
    /// <summary>Takes the posted entries only.</summary>
    public LedgerPostingProjection()
    {
        Name = "LedgerPostings";
        IncludeType<JournalEntryPosted>();
    }

    /// <inheritdoc />
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is not JournalEntryPosted p) return ValueTask.CompletedTask;
        var target = operations.TenantId == e.TenantId ? operations : operations.ForTenant(e.TenantId);
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            target.Store(new LedgerPosting
            {
                Id = $"{p.EntryId}:{i}",
                EntryId = p.EntryId,
                Line = i,
                AccountId = line.AccountId,
                Date = p.Date,
                Debit = line.Debit,
                Credit = line.Credit,
                JournalCode = p.JournalCode,
                FiscalYear = p.FiscalYear,
                Number = p.Number,
                Memo = p.Memo,
                PieceRef = p.PieceRef,
                PieceDate = p.PieceDate,
                RecordedAt = EventTime.Of(e),
                ReversalOf = p.ReversalOf,
            });
        }
        return ValueTask.CompletedTask;
    }
}
