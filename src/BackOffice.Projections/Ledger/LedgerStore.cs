using BackOffice.Domain.Ledger;
using BackOffice.Projections.Infrastructure;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace BackOffice.Projections.Ledger;

/// <summary>Ledger in the store: events, the account / entry / ledger snapshots, the postings, the gapless counters.</summary>
internal static class LedgerStore
{
    /// <summary>Maps the context's events to their stored names and registers its snapshots and read models.</summary>
    internal static StoreOptions AddLedger(this StoreOptions options)
    {
        var events = options.Events;
        events.MapEventType<AccountOpened>("account_opened_v1");
        events.MapEventType<AccountFrozen>("account_frozen_v1");
        events.MapEventType<AccountUnfrozen>("account_unfrozen_v1");
        events.MapEventType<AccountClosed>("account_closed_v1");
        events.MapEventType<JournalEntryAwaitingApproval>("journal_entry_awaiting_approval_v1");
        events.MapEventType<JournalEntryApproved>("journal_entry_approved_v1");
        events.MapEventType<JournalEntryPosted>("journal_entry_posted_v1");
        events.MapEventType<JournalEntryReversed>("journal_entry_reversed_v1");
        events.MapEventType<LedgerSettingsChanged>("ledger_settings_changed_v1");
        events.MapEventType<JournalAdded>("journal_added_v1");
        events.MapEventType<PeriodClosed>("period_closed_v1");

        options.Projections.Add(new AccountProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Account>()
            .MultiTenanted()
            .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.AccountCode, TenancyScope.PerTenant, x => x.Code);
        options.Projections.Add(new JournalEntryProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<JournalEntry>()
            .MultiTenanted()
            .Duplicate(x => x.Status)
            .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.JournalEntryNumber, TenancyScope.PerTenant, x => x.Number!);
        options.Projections.Add(new LedgerProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Domain.Ledger.Ledger>().MultiTenanted();
        options.Projections.Add(new LedgerPostingProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<LedgerPosting>().MultiTenanted()
            .Duplicate(x => x.AccountId).Duplicate(x => x.Date).Duplicate(x => x.FiscalYear).Duplicate(x => x.RecordedAt);
        options.AddGaplessNumbers();
        return options;
    }
}
