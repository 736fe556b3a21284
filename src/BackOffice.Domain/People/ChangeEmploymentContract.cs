namespace BackOffice.Domain.People;

/// <summary>Sets the terms of an employee's contract.</summary>
/// <param name="EmploymentType">Permanent, fixed-term or temporary.</param>
/// <param name="ContractEndsOn">Last day: required for fixed-term and temporary, refused for permanent.</param>
/// <param name="Agency">The agency: required for temporary, refused otherwise.</param>
public sealed record ChangeEmploymentContract(EmploymentType EmploymentType, DateOnly? ContractEndsOn, string? Agency);

public sealed partial record Employee
{
    /// <summary>Decides new contract terms (nothing when unchanged).</summary>
    public IReadOnlyList<IEmployeeEvent> ChangeContract(ChangeEmploymentContract command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        EnsureNotTerminated(context);
        var terms = Terms(Id, SubjectId, command.EmploymentType, command.ContractEndsOn, command.Agency, StartDate, always: true)!;
        return terms.EmploymentType == EmploymentType && terms.ContractEndsOn == ContractEndsOn && terms.Agency == Agency ? [] : [terms];
    }

    /// <summary>Validates contract terms; returns the event that sets them (or <c>null</c> for permanent terms unless <paramref name="always"/>).</summary>
    internal static EmploymentContractChanged? Terms(Guid id, Guid subject, EmploymentType type, DateOnly? endsOn, string? agency, DateOnly start, bool always)
    {
        if (!Enum.IsDefined(type)) throw DomainException.Invalid("employmentType", "'employmentType' must be Permanent, FixedTerm or Temporary.");
        var name = Guard.OptionalText(agency, "agency", 200);
        if (type == EmploymentType.Permanent)
        {
            if (endsOn is not null) throw DomainException.Invalid("contractEndsOn", "A permanent contract has no end date.");
            if (name is not null) throw DomainException.Invalid("agency", "Only a temporary worker has an agency.");
            return always ? new EmploymentContractChanged(id, subject, type, null, null) : null;
        }
        if (endsOn is not { } end) throw DomainException.Invalid("contractEndsOn", "'contractEndsOn' is required for a fixed-term or temporary contract.");
        if (end < start) throw DomainException.Invalid("contractEndsOn", "'contractEndsOn' must not be before the start date.");
        if (type == EmploymentType.Temporary && name is null) throw DomainException.Invalid("agency", "'agency' is required for a temporary worker.");
        if (type == EmploymentType.FixedTerm && name is not null) throw DomainException.Invalid("agency", "Only a temporary worker has an agency.");
        return new EmploymentContractChanged(id, subject, type, end, name);
    }
}
