namespace BackOffice.Domain.Common;

/// <summary>
/// What a decision may know beyond the command and the state: who acts, when, and how new ids are made.
/// Hosts build it at the edge (from the authenticated user, an injected <see cref="TimeProvider"/> and a
/// Guid v7 generator) so that decisions stay pure and tests stay deterministic.
/// </summary>
/// <param name="User">The acting user's name.</param>
/// <param name="Now">The current instant.</param>
/// <param name="NewId">Makes a new identifier for anything a decision creates.</param>
public sealed record DecisionContext(string User, DateTimeOffset Now, Func<Guid> NewId)
{
    /// <summary>A context for <paramref name="user"/> at the time of <paramref name="time"/> with Guid v7 ids.</summary>
    public static DecisionContext For(string user, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new DecisionContext(user, now, () => Guid.CreateVersion7(now));
    }
}
