namespace BackOffice.Domain.Intranet;

/// <summary>Withdraws a notice.</summary>
/// <param name="Reason">Why (1–500).</param>
public sealed record WithdrawNotice(string Reason);

public sealed partial record Notice
{
    /// <summary>Decides a withdrawal; withdrawing a withdrawn notice records nothing.</summary>
    public IReadOnlyList<INoticeEvent> Withdraw(WithdrawNotice command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var reason = Guard.Text(command.Reason, "reason", 500);
        return Withdrawn ? [] : [new NoticeWithdrawn(Id, reason, context.User, context.Now)];
    }
}
