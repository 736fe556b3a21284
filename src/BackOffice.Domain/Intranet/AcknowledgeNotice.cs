namespace BackOffice.Domain.Intranet;

/// <summary>The employee acknowledging a notice, as the People context knows them.</summary>
/// <param name="EmployeeId">The employee linked to the acting user.</param>
/// <param name="DepartmentId">Their department.</param>
/// <param name="Employed">Whether they are employed today.</param>
public sealed record Acknowledger(Guid EmployeeId, Guid DepartmentId, bool Employed);

public sealed partial record Notice
{
    /// <summary>
    /// Decides an acknowledgement of the current revision by <paramref name="acknowledger"/> (null: the acting user is
    /// linked to no employee). Only an employed addressee may acknowledge (<see cref="ErrorCodes.NotInAudience"/>); the
    /// notice must ask for acknowledgement and be active; a second acknowledgement of the same revision records nothing.
    /// </summary>
    public IReadOnlyList<INoticeEvent> Acknowledge(Acknowledger? acknowledger, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (acknowledger is not { Employed: true } who || !Audience.Includes(who.DepartmentId))
            throw new DomainException(ErrorCodes.NotInAudience, $"{context.User} is not an employee this notice addresses.");
        RequireNotWithdrawn("acknowledged");
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        if (!RequiresAcknowledgement)
            throw new DomainException(ErrorCodes.NoticeNotAcknowledgeable, "This notice does not ask for acknowledgement.");
        if (!IsActiveOn(today))
            throw new DomainException(ErrorCodes.NoticeNotAcknowledgeable, $"This notice is not in force on {today:yyyy-MM-dd}.");
        return AcknowledgedBy(who.EmployeeId) ? [] : [new NoticeAcknowledged(Id, who.EmployeeId, Revision, context.User, context.Now)];
    }
}
