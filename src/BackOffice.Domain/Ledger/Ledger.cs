using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Domain.Ledger;

/// <summary>A journal of the ledger (VE sales, AC purchases, BQ bank, OD miscellaneous, or the tenant's own).</summary>
/// <param name="Code">Journal code.</param>
/// <param name="Name">Label.</param>
public sealed record Journal(string Code, string Name);

/// <summary>
/// A tenant's ledger as a whole (one stream per tenant, id <see cref="IdFor"/>): its settings, its journals and the
/// end of its last closed period. Before any event it is <see cref="Default"/>.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Siren">SIREN (9 digits), when set.</param>
/// <param name="FiscalYearEnd">Last day of the fiscal year, <c>MM-dd</c>.</param>
/// <param name="ApprovalThreshold">Entries whose total exceeds it await approval.</param>
/// <param name="Journals">The journals, the four defaults first.</param>
/// <param name="ClosedThrough">Last day of the closed periods, when any.</param>
public sealed partial record Ledger(
    Guid Id, string? Siren, string FiscalYearEnd, decimal ApprovalThreshold, IReadOnlyList<Journal> Journals, DateOnly? ClosedThrough)
{
    /// <summary>The approval threshold before the tenant sets one.</summary>
    public const decimal DefaultApprovalThreshold = 10_000m;

    /// <summary>The journal of an entry that names none.</summary>
    public const string DefaultJournal = "OD";

    /// <summary>The journals every ledger has.</summary>
    public static readonly IReadOnlyList<Journal> DefaultJournals =
    [
        new("VE", "Ventes"), new("AC", "Achats"), new("BQ", "Banque"), new("OD", "Opérations diverses"),
    ];

    /// <summary>The ledger of a tenant that has changed nothing yet.</summary>
    public static Ledger Default(Guid id) => new(id, null, "12-31", DefaultApprovalThreshold, DefaultJournals, null);

    /// <summary>The ledger stream id of <paramref name="tenant"/>: a name-based UUID, the same on every call.</summary>
    public static Guid IdFor(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("backoffice-ledger:" + tenant));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);   // version 5-like (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>Applies one event (to the default ledger before the first).</summary>
    public static Ledger Evolve(Ledger? state, object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var ledger = state ?? Default(@event is ILedgerEvent e ? e.LedgerId : Guid.Empty);
        return @event switch
        {
            LedgerSettingsChanged s => ledger with { Siren = s.Siren, FiscalYearEnd = s.FiscalYearEnd, ApprovalThreshold = s.ApprovalThreshold },
            JournalAdded j => ledger with { Journals = [.. ledger.Journals, new Journal(j.Code, j.Name)] },
            PeriodClosed p => ledger with { ClosedThrough = p.Through },
            _ => ledger,
        };
    }

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Ledger? From(IEnumerable<object> events) => events.Aggregate((Ledger?)null, (s, e) => Evolve(s, e));

    /// <summary>The journal named <paramref name="code"/>, or a validation error on <paramref name="field"/>.</summary>
    public Journal RequireJournal(string code, string field = "journalCode")
        => Journals.FirstOrDefault(j => string.Equals(j.Code, code, StringComparison.Ordinal))
           ?? throw DomainException.Invalid(field, $"Journal '{code}' does not exist; the journals are {string.Join(", ", Journals.Select(j => j.Code))}.");

    /// <summary>Refuses with <c>period-closed</c> a date on or before the closed period's end.</summary>
    public void RequireOpenPeriod(DateOnly date, string field = "date")
    {
        if (ClosedThrough is { } through && date <= through)
            throw new DomainException(ErrorCodes.PeriodClosed,
                $"The books are closed through {through:yyyy-MM-dd}: nothing dated {date:yyyy-MM-dd} can be posted.", field);
    }

    /// <summary>The fiscal year of <paramref name="date"/>: the calendar year in which its fiscal year ends.</summary>
    public int FiscalYearOf(DateOnly date)
    {
        var end = YearEnd(date.Year);
        return date <= end ? date.Year : date.Year + 1;
    }

    /// <summary>The last day of fiscal year <paramref name="fiscalYear"/>.</summary>
    public DateOnly YearEnd(int fiscalYear)
    {
        var (month, day) = ParseMonthDay(FiscalYearEnd);
        return new DateOnly(fiscalYear, month, Math.Min(day, DateTime.DaysInMonth(fiscalYear, month)));
    }

    /// <summary>The first day of fiscal year <paramref name="fiscalYear"/>.</summary>
    public DateOnly YearStart(int fiscalYear) => YearEnd(fiscalYear - 1).AddDays(1);

    /// <summary>The number of an entry: <c>{journal}-{fiscal year}-{sequence, 6 digits}</c>, e.g. <c>VE-2026-000042</c>.</summary>
    public static string EntryNumber(string journalCode, int fiscalYear, long sequence)
        => string.Create(CultureInfo.InvariantCulture, $"{journalCode}-{fiscalYear:D4}-{sequence:D6}");

    internal static (int Month, int Day) ParseMonthDay(string value)
    {
        if (value is { Length: 5 } && value[2] == '-'
            && int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(value.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
            return (month, day);
        throw DomainException.Invalid("fiscalYearEnd", "'fiscalYearEnd' must be a day of the year, MM-dd (e.g. 12-31).");
    }
}
