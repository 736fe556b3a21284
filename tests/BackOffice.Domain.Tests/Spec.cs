namespace BackOffice.Domain.Tests;

/// <summary>
/// Given / when / then for deciders, with no database:
/// <code>
/// Spec.Given(SupplyItem.From, registered, received)
///     .When(item => item.Issue(new IssueStock(3), Spec.As("clerk")))
///     .Then(new StockIssued(…))                      // the events, in order
///     .And(item => item.OnHand.ShouldBe(7));          // the state after them
/// Spec.When(() => SupplyItem.Register(bad)).ThenRefused(ErrorCodes.ValidationFailed, "sku");
/// Spec.Given(Department.From).When(() => Department.Establish(create)).Then(created).And(d => …);  // a creation
/// Spec.Given(SupplyItem.From, registered, raised).When(approve).And(…).When(place).When(receive).And(…);  // a lifecycle
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
        => Outcome<object>.Of(() => decision().Cast<object>().ToList(), _ => null, []);
}

/// <summary>A history and the state it folds to.</summary>
public sealed class Given<TState>(Func<IEnumerable<object>, TState?> fold, IReadOnlyList<object> history) where TState : class
{
    /// <summary>The state of the history (it must exist).</summary>
    public TState State => fold(history).ShouldNotBeNull("the given events build no state");

    /// <summary>Runs <paramref name="decision"/> on the state.</summary>
    public Outcome<TState> When<TEvent>(Func<TState, IEnumerable<TEvent>> decision)
        => Outcome<TState>.Of(() => decision(State).Cast<object>().ToList(), fold, history);

    /// <summary>
    /// Runs a decision that needs no state (a creation) after the history, usually none:
    /// <c>Spec.Given(Department.From).When(() => Department.Establish(…)).Then(…).And(department => …)</c>.
    /// </summary>
    public Outcome<TState> When<TEvent>(Func<IEnumerable<TEvent>> decision)
        => Outcome<TState>.Of(() => decision().Cast<object>().ToList(), fold, history);
}

/// <summary>What a decision did: the events it returned, or the domain error it raised.</summary>
public sealed class Outcome<TState> where TState : class
{
    private readonly IReadOnlyList<object>? events;
    private readonly DomainException? error;
    private readonly Func<IEnumerable<object>, TState?> fold;
    private readonly IReadOnlyList<object> history;

    private Outcome(IReadOnlyList<object>? events, DomainException? error, Func<IEnumerable<object>, TState?> fold, IReadOnlyList<object> history)
        => (this.events, this.error, this.fold, this.history) = (events, error, fold, history);

    internal static Outcome<TState> Of(Func<IReadOnlyList<object>> decide, Func<IEnumerable<object>, TState?> fold, IReadOnlyList<object> history)
    {
        try
        {
            return new Outcome<TState>(decide(), null, fold, history);
        }
        catch (DomainException e)
        {
            return new Outcome<TState>(null, e, fold, history);
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

    /// <summary>The given events followed by the decision's events (it must not have failed).</summary>
    public IReadOnlyList<object> History => [.. history, .. Events];

    /// <summary>The one event of type <typeparamref name="TEvent"/> the decision returned.</summary>
    public TEvent EventOf<TEvent>() => Events.OfType<TEvent>().ShouldHaveSingleItem();

    /// <summary>Asserts on the state after the given events and the decision's events.</summary>
    public Outcome<TState> And(Action<TState> assert)
    {
        ArgumentNullException.ThrowIfNull(assert);
        assert(fold(History).ShouldNotBeNull("the events build no state"));
        return this;
    }

    /// <summary>
    /// Runs the next <paramref name="decision"/> on the state after this one (which must not have failed), so that a
    /// lifecycle reads as one chain: <c>.When(approve).And(…).When(place).When(receive).And(…)</c>.
    /// </summary>
    public Outcome<TState> When<TEvent>(Func<TState, IEnumerable<TEvent>> decision)
        => new Given<TState>(fold, History).When(decision);

    /// <summary>The decision was refused with <paramref name="code"/> (naming <paramref name="field"/> when given).</summary>
    public DomainException ThenRefused(string code, string? field = null)
    {
        if (error is null) throw new Xunit.Sdk.XunitException($"Expected a refusal with {code}, but the decision returned {events!.Count} event(s).");
        error.Code.ShouldBe(code);
        if (field is not null) error.Field.ShouldBe(field);
        return error;
    }
}
