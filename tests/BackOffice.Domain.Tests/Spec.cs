namespace BackOffice.Domain.Tests;

/// <summary>
/// Given / when / then for deciders, with no database:
/// <code>
/// Spec.Given(SupplyItem.From, registered, received)
///     .When(item => item.Issue(new IssueStock(3), Spec.As("clerk")))
///     .Then(new StockIssued(…))                      // the events, in order
///     .And(item => item.OnHand.ShouldBe(7));          // the state after them
/// Spec.When(() => SupplyItem.Register(bad)).ThenRefused(ErrorCodes.ValidationFailed, "sku");
/// </code>
/// </summary>
public static class Spec
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A decision context for <paramref name="user"/> at <see cref="Now"/> with ids 1, 2, 3…</summary>
    public static DecisionContext As(string user)
    {
        var n = 0;
        return new DecisionContext(user, Now, () => new Guid(++n, 0, 0, new byte[8]));
    }

    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    /// <summary>The state <paramref name="fold"/> builds from <paramref name="history"/> (the aggregate's <c>From</c>).</summary>
    public static Given<TState> Given<TState>(Func<IEnumerable<object>, TState?> fold, params object[] history) where TState : class
        => new(fold, history);

    /// <summary>A decision that needs no state (a creation).</summary>
    public static Outcome<object> When<TEvent>(Func<IEnumerable<TEvent>> decision)
        => Outcome<object>.Of(() => decision().Cast<object>().ToList(), _ => null);
}

/// <summary>A history and the state it folds to.</summary>
public sealed class Given<TState>(Func<IEnumerable<object>, TState?> fold, IReadOnlyList<object> history) where TState : class
{
    /// <summary>The state of the history (it must exist).</summary>
    public TState State => fold(history).ShouldNotBeNull("the given events build no state");

    /// <summary>Runs <paramref name="decision"/> on the state.</summary>
    public Outcome<TState> When<TEvent>(Func<TState, IEnumerable<TEvent>> decision)
        => Outcome<TState>.Of(() => decision(State).Cast<object>().ToList(), events => fold([.. history, .. events]));
}

/// <summary>What a decision did: the events it returned, or the domain error it raised.</summary>
public sealed class Outcome<TState> where TState : class
{
    private readonly IReadOnlyList<object>? events;
    private readonly DomainException? error;
    private readonly Func<IReadOnlyList<object>, TState?> after;

    private Outcome(IReadOnlyList<object>? events, DomainException? error, Func<IReadOnlyList<object>, TState?> after)
        => (this.events, this.error, this.after) = (events, error, after);

    internal static Outcome<TState> Of(Func<IReadOnlyList<object>> decide, Func<IReadOnlyList<object>, TState?> after)
    {
        try
        {
            return new Outcome<TState>(decide(), null, after);
        }
        catch (DomainException e)
        {
            return new Outcome<TState>(null, e, after);
        }
    }

    /// <summary>The events, which must be exactly <paramref name="expected"/> (in order, by value).</summary>
    public Outcome<TState> Then(params object[] expected)
    {
        Events.ShouldBe(expected);
        return this;
    }

    /// <summary>The decision returned no event (the command changed nothing).</summary>
    public Outcome<TState> ThenNothing() => Then();

    /// <summary>The events the decision returned (it must not have failed).</summary>
    public IReadOnlyList<object> Events
        => events ?? throw new Xunit.Sdk.XunitException($"The decision was refused: {error!.Code} ({error.Message})");

    /// <summary>The one event of type <typeparamref name="TEvent"/> the decision returned.</summary>
    public TEvent EventOf<TEvent>() => Events.OfType<TEvent>().ShouldHaveSingleItem();

    /// <summary>Asserts on the state after the given events and the decision's events.</summary>
    public Outcome<TState> And(Action<TState> assert)
    {
        ArgumentNullException.ThrowIfNull(assert);
        assert(after(Events).ShouldNotBeNull("the events build no state"));
        return this;
    }

    /// <summary>The decision was refused with <paramref name="code"/> (naming <paramref name="field"/> when given).</summary>
    public DomainException ThenRefused(string code, string? field = null)
    {
        if (error is null) throw new Xunit.Sdk.XunitException($"Expected a refusal with {code}, but the decision returned {events!.Count} event(s).");
        error.Code.ShouldBe(code);
        if (field is not null) error.Field.ShouldBe(field);
        return error;
    }

}

/// <summary>The former refusal helpers (to be replaced by <see cref="Outcome{TState}.ThenRefused"/>).</summary>
public static class Refusals
{
    public static void ShouldBeRefusedWith(this Action decision, string code, string? field = null)
    {
        var error = Should.Throw<DomainException>(decision);
        error.Code.ShouldBe(code);
        if (field is not null) error.Field.ShouldBe(field);
    }

    public static void ShouldBeRefusedWith<T>(this Func<T> decision, string code, string? field = null)
        => ShouldBeRefusedWith(() => { decision(); }, code, field);
}
