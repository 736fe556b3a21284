namespace BackOffice.Domain.Ledger;

/// <summary>The five kinds of account of a chart of accounts.</summary>
public enum AccountType
{
    /// <summary>What the company owns (normal balance: debit).</summary>
    Asset,
    /// <summary>What it owes (normal balance: credit).</summary>
    Liability,
    /// <summary>The owners' stake (normal balance: credit).</summary>
    Equity,
    /// <summary>Income (normal balance: credit).</summary>
    Revenue,
    /// <summary>Costs (normal balance: debit).</summary>
    Expense,
}

/// <summary>Whether an account takes postings.</summary>
public enum AccountStatus
{
    /// <summary>Takes postings.</summary>
    Open,
    /// <summary>Takes no posting until unfrozen.</summary>
    Frozen,
    /// <summary>Closed at a zero balance; takes no posting.</summary>
    Closed,
}

/// <summary>The balance rules of the ledger, in one place.</summary>
public static class Balances
{
    /// <summary>True for the types whose normal balance is a debit (Asset, Expense).</summary>
    public static bool IsDebitNormal(this AccountType type) => type is AccountType.Asset or AccountType.Expense;

    /// <summary>
    /// The balance signed in the account's normal direction: debits − credits for Asset and Expense, credits − debits
    /// otherwise.
    /// </summary>
    public static decimal Of(AccountType type, decimal debitTotal, decimal creditTotal)
        => type.IsDebitNormal() ? debitTotal - creditTotal : creditTotal - debitTotal;

    /// <summary>A trial balance line: the net of the totals on the side it falls (debit when debits exceed credits).</summary>
    public static (decimal Debit, decimal Credit) TrialLine(decimal debitTotal, decimal creditTotal)
        => debitTotal >= creditTotal ? (debitTotal - creditTotal, 0m) : (0m, creditTotal - debitTotal);
}
