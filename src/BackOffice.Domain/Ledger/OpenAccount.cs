namespace BackOffice.Domain.Ledger;

/// <summary>Opens an account in the chart of accounts.</summary>
/// <param name="AccountId">The id the new account gets (made at the edge).</param>
/// <param name="Code">Account number (1–20 characters), unique per tenant.</param>
/// <param name="Name">Label (1–200).</param>
/// <param name="Type">Account type.</param>
public sealed record OpenAccount(Guid AccountId, string Code, string Name, AccountType Type);

public sealed partial record Account
{
    /// <summary>Decides the opening. Uniqueness of the code is the store's to enforce.</summary>
    public static IReadOnlyList<IAccountEvent> Open(OpenAccount command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = Guard.Text(command.Code, "code", 20);
        if (code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw DomainException.Invalid("code", "'code' must not contain spaces.");
        if (!Enum.IsDefined(command.Type)) throw DomainException.Invalid("type", "'type' is not an account type.");
        return [new AccountOpened(command.AccountId, code, Guard.Text(command.Name, "name"), command.Type)];
    }

    /// <summary>Freezes the account (no posting until unfrozen). Only an open account can be frozen.</summary>
    public IReadOnlyList<IAccountEvent> Freeze()
    {
        RequireOpen("status");
        return [new AccountFrozen(Id)];
    }

    /// <summary>Opens a frozen account for postings again.</summary>
    public IReadOnlyList<IAccountEvent> Unfreeze()
    {
        if (Status != AccountStatus.Frozen)
            throw new DomainException(ErrorCodes.AccountNotFrozen, $"Account {Code} is {Status.ToString().ToLowerInvariant()}, not frozen.", "status");
        return [new AccountUnfrozen(Id)];
    }

    /// <summary>Closes the account; its balance (derived from every posting) must be zero.</summary>
    /// <param name="debitTotal">Sum of the debits posted to it.</param>
    /// <param name="creditTotal">Sum of the credits posted to it.</param>
    public IReadOnlyList<IAccountEvent> Close(decimal debitTotal, decimal creditTotal)
    {
        if (Status == AccountStatus.Closed)
            throw new DomainException(ErrorCodes.AccountNotOpen, $"Account {Code} is already closed.", "status");
        var balance = Balances.Of(Type, debitTotal, creditTotal);
        if (balance != 0)
            throw new DomainException(ErrorCodes.AccountBalanceNotZero, $"Account {Code} has a balance of {balance:0.00}: only a zero balance can be closed.", "balance");
        return [new AccountClosed(Id)];
    }
}
