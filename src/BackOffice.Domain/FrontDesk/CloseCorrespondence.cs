namespace BackOffice.Domain.FrontDesk;

/// <summary>Files an item.</summary>
/// <param name="FilingCode">Where it is filed (1–50).</param>
public sealed record CloseCorrespondence(string FilingCode);

public sealed partial record Correspondence
{
    /// <summary>Decides a closing: any item not yet closed is filed under a filing code (an unanswered inbound item stops being overdue).</summary>
    public IReadOnlyList<ICorrespondenceEvent> Close(CloseCorrespondence command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var code = Guard.Text(command.FilingCode, "filingCode", 50);
        RequireNotClosed("closed again");
        return [new CorrespondenceClosed(Id, code, context.User, context.Now)];
    }
}
