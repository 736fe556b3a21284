namespace BackOffice.Domain.Ledger;

/// <summary>Sets the ledger settings.</summary>
/// <param name="Siren">The company's SIREN: 9 digits (optional until the FEC is exported).</param>
/// <param name="FiscalYearEnd">Last day of the fiscal year, <c>MM-dd</c>.</param>
/// <param name="ApprovalThreshold">≥ 0, at most 2 decimals: entries whose total exceeds it await approval.</param>
public sealed record ChangeLedgerSettings(string? Siren, string FiscalYearEnd, decimal ApprovalThreshold);

/// <summary>Adds a journal of the tenant's own.</summary>
/// <param name="Code">2–10 upper-case letters or digits, not already a journal.</param>
/// <param name="Name">Label (1–100).</param>
public sealed record AddJournal(string Code, string Name);

/// <summary>Closes the books through a date.</summary>
/// <param name="Through">Last day of the period closed; after any earlier close.</param>
public sealed record ClosePeriod(DateOnly Through);

public sealed partial record Ledger
{
    /// <summary>Decides a change of settings.</summary>
    public IReadOnlyList<ILedgerEvent> ChangeSettings(ChangeLedgerSettings command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var siren = Guard.OptionalText(command.Siren, "siren", 9);
        if (siren is not null && (siren.Length != 9 || !siren.All(char.IsAsciiDigit)))
            throw DomainException.Invalid("siren", "'siren' must be 9 digits.");
        var end = Guard.Text(command.FiscalYearEnd, "fiscalYearEnd", 5);
        ParseMonthDay(end);
        var threshold = Guard.Money(command.ApprovalThreshold, "approvalThreshold");
        return [new LedgerSettingsChanged(Id, siren, end, threshold)];
    }

    /// <summary>Decides the addition of a journal.</summary>
    public IReadOnlyList<ILedgerEvent> Add(AddJournal command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = Guard.Text(command.Code, "code", 10);
        if (code.Length < 2 || !code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            throw DomainException.Invalid("code", "'code' must be 2–10 upper-case letters or digits.");
        if (Journals.Any(j => j.Code == code))
            throw new DomainException(ErrorCodes.DuplicateJournalCode, $"Journal {code} already exists.", "code");
        return [new JournalAdded(Id, code, Guard.Text(command.Name, "name", 100))];
    }

    /// <summary>Decides a period close: it must end after the last closed period.</summary>
    public IReadOnlyList<ILedgerEvent> Close(ClosePeriod command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireOpenPeriod(command.Through, "through");
        return [new PeriodClosed(Id, command.Through)];
    }
}
