using BackOffice.Api.Identity;

namespace BackOffice.Api.Ledger;

/// <summary>Maps the Ledger context's routes.</summary>
public static class LedgerEndpoints
{
    /// <summary>Maps every ledger route.</summary>
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Ledger");
        OpenAccountEndpoint.Map(group);
        AccountStatusEndpoints.Map(group);
        ListAccountsEndpoint.Map(group);
        GetAccountEndpoint.Map(group);
        GetGeneralLedgerEndpoint.Map(group);
        group.MapHistory("/api/accounts/{id:guid}/history", "Account", Roles.AnyUser).WithName("GetAccountHistory").WithSummary("History of an account");
        PostJournalEntryEndpoint.Map(group);
        GetJournalEntryEndpoint.Map(group);
        ApproveJournalEntryEndpoint.Map(group);
        ReverseJournalEntryEndpoint.Map(group);
        group.MapHistory("/api/journal-entries/{id:guid}/history", "Journal entry", Roles.AnyUser)
            .WithName("GetJournalEntryHistory").WithSummary("History of a journal entry");
        LedgerCommandsEndpoints.Map(group);
        LedgerReadsEndpoints.Map(group);
        ExportFecEndpoint.Map(group);
        GetLedgerDashboardEndpoint.Map(app);
        return app;
    }
}
