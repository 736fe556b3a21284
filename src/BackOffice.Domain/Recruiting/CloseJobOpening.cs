namespace BackOffice.Domain.Recruiting;

/// <summary>Closes an opening before it is filled (cancelled, budget withdrawn…).</summary>
/// <param name="Reason">Why (required, 1–500; about the opening, not a person).</param>
public sealed record CloseJobOpening(string Reason);

public sealed partial record JobOpening
{
    /// <summary>Decides a closing: an open opening closes; closing a closed one changes nothing; a filled one is refused.</summary>
    public IReadOnlyList<IJobOpeningEvent> Close(CloseJobOpening command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = Guard.Text(command.Reason, "reason", 500);
        if (Closed) return [];
        RequireOpen("be closed");
        return [new JobOpeningClosed(Id, reason)];
    }
}
