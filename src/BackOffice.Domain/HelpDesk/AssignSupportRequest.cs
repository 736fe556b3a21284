namespace BackOffice.Domain.HelpDesk;

/// <summary>Gives the request to a support agent.</summary>
/// <param name="Assignee">The agent's user name (1–100).</param>
public sealed record AssignSupportRequest(string Assignee);

public sealed partial record SupportRequest
{
    /// <summary>Decides an assignment (or a reassignment) of an active request; assigning the same agent again records nothing.</summary>
    public IReadOnlyList<ISupportRequestEvent> Assign(AssignSupportRequest command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var assignee = Guard.Text(command.Assignee, "assignee", 100);
        RequireActive("assigned");
        return assignee == Assignee ? [] : [new SupportRequestAssigned(Id, assignee, context.User, context.Now)];
    }
}
