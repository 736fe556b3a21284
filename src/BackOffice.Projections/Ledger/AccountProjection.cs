using BackOffice.Domain.Ledger;
using BackOffice.Projections.Infrastructure;

namespace BackOffice.Projections.Ledger;

/// <summary>The account's snapshot (status, code, type), inline; evolution is the domain's own <see cref="Account.Evolve"/>.</summary>
public sealed class AccountProjection() : Snapshot<Account, IAccountEvent>(Account.Evolve);

/// <summary>The journal entry's snapshot, inline; evolution is the domain's own <see cref="JournalEntry.Evolve"/>.</summary>
public sealed class JournalEntryProjection() : Snapshot<JournalEntry, IJournalEntryEvent>(JournalEntry.Evolve);

/// <summary>The tenant ledger's snapshot (settings, journals, closed period), inline; evolution is <see cref="Domain.Ledger.Ledger.Evolve"/>.</summary>
public sealed class LedgerProjection() : Snapshot<Domain.Ledger.Ledger, ILedgerEvent>(Domain.Ledger.Ledger.Evolve);
