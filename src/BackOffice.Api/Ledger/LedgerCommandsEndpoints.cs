using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using FluentValidation;
using Marten;
using LedgerState = BackOffice.Domain.Ledger.Ledger;

namespace BackOffice.Api.Ledger;

/// <summary>
/// The commands on the tenant's ledger as a whole (one stream per tenant): <c>POST /api/ledger/periods/close</c>,
/// <c>PUT /api/ledger/settings</c>, <c>POST /api/ledger/journals</c>. Each takes the ledger's lock exclusively, so it
/// waits for the postings in flight (which hold it shared) and they wait for it: an entry dated in a period being
/// closed either commits before the close or is refused after it.
/// </summary>
public static class LedgerCommandsEndpoints
{
    /// <summary>Body of a period close.</summary>
    /// <param name="Through">Last day of the period closed (after any earlier close).</param>
    public sealed record ClosePeriodRequest(DateOnly? Through) : IExample<ClosePeriodRequest>
    {
        /// <inheritdoc />
        public static ClosePeriodRequest Example => new(new DateOnly(2026, 3, 31));
    }

    /// <summary>Body of the settings.</summary>
    /// <param name="Siren">9 digits (needed for the FEC).</param>
    /// <param name="FiscalYearEnd">MM-dd (default 12-31).</param>
    /// <param name="ApprovalThreshold">≥ 0, at most 2 decimals (default 10,000).</param>
    public sealed record SettingsRequest(string? Siren, string? FiscalYearEnd, decimal? ApprovalThreshold) : IExample<SettingsRequest>
    {
        /// <inheritdoc />
        public static SettingsRequest Example => new("732829320", "12-31", 10_000m);
    }

    /// <summary>Body of a new journal.</summary>
    /// <param name="Code">2–10 upper-case letters or digits.</param>
    /// <param name="Name">Label.</param>
    public sealed record JournalRequest(string? Code, string? Name) : IExample<JournalRequest>
    {
        /// <inheritdoc />
        public static JournalRequest Example => new("CA", "Caisse");
    }

    internal sealed class ClosePeriodValidator : AbstractValidator<ClosePeriodRequest>
    {
        public ClosePeriodValidator() => RuleFor(r => r.Through).NotNull();
    }

    internal sealed class SettingsValidator : AbstractValidator<SettingsRequest>
    {
        public SettingsValidator()
        {
            RuleFor(r => r.FiscalYearEnd).NotNull();
            RuleFor(r => r.ApprovalThreshold).NotNull();
            RuleFor(r => r.Siren).MaxChars(9);
            RuleFor(r => r.FiscalYearEnd).MaxChars(5);
            RuleFor(r => r.ApprovalThreshold).Within(0m, Bounds.Money);
        }
    }

    internal sealed class JournalValidator : AbstractValidator<JournalRequest>
    {
        public JournalValidator()
        {
            RuleFor(r => r.Code).NotNull();
            RuleFor(r => r.Name).NotNull();
            RuleFor(r => r.Code).MaxChars(10);
            RuleFor(r => r.Name).MaxChars(100);
        }
    }

    private static Task<IResult> OnLedger(CommandExecutor executor, RequestContext request, HttpContext http, Func<LedgerState, IReadOnlyList<ILedgerEvent>> decide)
        => executor.ExecuteOrStart<LedgerState>(LedgerState.IdFor(request.Tenant), async session =>
        {
            var ledger = await LedgerSql.LockLedgerAsync(session, executor.Transaction!, request.Tenant, http.RequestAborted).ConfigureAwait(false);
            return [.. decide(ledger)];
        }, Responses.Ok);

    internal static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ledger/periods/close", (ClosePeriodRequest body, CommandExecutor executor, RequestContext request, HttpContext http) =>
                OnLedger(executor, request, http, ledger => ledger.Close(new ClosePeriod(body.Through!.Value))))
            .Validates<ClosePeriodRequest, ClosePeriodValidator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("ClosePeriod")
            .WithSummary("Close the books through a date")
            .WithDescription("Afterwards entries, approvals and reversals dated on or before it are refused (409 period-closed). 409 period-closed when it is not after the last close.")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status409Conflict);

        app.MapPut("/api/ledger/settings", (SettingsRequest body, CommandExecutor executor, RequestContext request, HttpContext http) =>
                OnLedger(executor, request, http, ledger => ledger.ChangeSettings(new ChangeLedgerSettings(body.Siren, body.FiscalYearEnd!, body.ApprovalThreshold!.Value))))
            .Validates<SettingsRequest, SettingsValidator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("ChangeLedgerSettings")
            .WithSummary("Set the ledger settings (SIREN, fiscal year end, approval threshold)")
            .Produces<CommandResponse>()
            .ProducesCommandProblems();

        app.MapPost("/api/ledger/journals", (JournalRequest body, CommandExecutor executor, RequestContext request, HttpContext http) =>
                OnLedger(executor, request, http, ledger => ledger.Add(new AddJournal(body.Code!, body.Name!))))
            .Validates<JournalRequest, JournalValidator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("AddJournal")
            .WithSummary("Add a journal of the tenant's own")
            .Produces<CommandResponse>()
            .ProducesCommandProblems(StatusCodes.Status409Conflict);
    }
}
