namespace BackOffice.Domain.People;

/// <summary>Links an employee to the user name of their credentials (uniqueness per tenant is the store's to enforce).</summary>
/// <param name="UserName">The user name (1–200).</param>
public sealed record LinkEmployeeUser(string UserName);

public sealed partial record Employee
{
    /// <summary>Decides the link to a user name: nothing when already linked to it; refused once terminated.</summary>
    public IReadOnlyList<IEmployeeEvent> LinkUser(LinkEmployeeUser command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        EnsureNotTerminated(context);
        var userName = Guard.Text(command.UserName, "userName");
        return userName == UserName ? [] : [new EmployeeUserLinked(Id, SubjectId, userName)];
    }
}
