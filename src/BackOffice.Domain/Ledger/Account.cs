namespace BackOffice.Domain.Ledger;

/// <summary>
/// An account of the chart of accounts. Its stream holds only what changes its status; postings live in the journal
/// entries' streams (so that entries posting to a busy account never compete for this stream's version), and its
/// balance is derived from them.
/// </summary>
/// <param name="Id">Stream id.</param>
/// <param name="Code">Account number, unique per tenant.</param>
/// <param name="Name">Label.</param>
/// <param name="Type">Account type.</param>
/// <param name="Status">Open, Frozen or Closed.</param>
public sealed partial record Account(Guid Id, string Code, string Name, AccountType Type, AccountStatus Status)
{
    /// <summary>Applies one event to a state (or to nothing, for the first event).</summary>
    public static Account? Evolve(Account? state, object @event) => (state, @event) switch
    {
        (_, AccountOpened e) => new Account(e.AccountId, e.Code, e.Name, e.Type, AccountStatus.Open),
        (null, _) => null,
        (_, AccountFrozen) => state with { Status = AccountStatus.Frozen },
        (_, AccountUnfrozen) => state with { Status = AccountStatus.Open },
        (_, AccountClosed) => state with { Status = AccountStatus.Closed },
        _ => state,
    };

    /// <summary>Folds a sequence of events into a state.</summary>
    public static Account? From(IEnumerable<object> events) => events.Aggregate((Account?)null, Evolve);

    /// <summary>Refuses with <c>account-not-open</c> unless the account takes postings.</summary>
    public void RequireOpen(string field = "lines")
    {
        if (Status != AccountStatus.Open)
            throw new DomainException(ErrorCodes.AccountNotOpen, $"Account {Code} is {Status.ToString().ToLowerInvariant()}: it takes no posting.", field);
    }
}
