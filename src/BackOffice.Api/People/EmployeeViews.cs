using BackOffice.Api.PersonalData;
using BackOffice.Domain.People;
using BackOffice.Projections.PersonalData;

namespace BackOffice.Api.People;

/// <summary>An employee as the API shows it: the snapshot, its status on a day, name and e-mail joined from the personal-data store.</summary>
/// <param name="Id">Employee id.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="Name">Full name (null once erased).</param>
/// <param name="Email">E-mail (null once erased).</param>
/// <param name="Position">Job title.</param>
/// <param name="DepartmentId">Department.</param>
/// <param name="ManagerId">Manager, when named.</param>
/// <param name="Status">Status today (or on the <c>asOf</c> day).</param>
/// <param name="StartDate">First day of the current employment.</param>
/// <param name="EmploymentType">Contract type.</param>
/// <param name="ContractEndsOn">Last day of a fixed-term or temporary contract.</param>
/// <param name="Agency">Agency of a temporary worker.</param>
/// <param name="UserName">Linked user name.</param>
/// <param name="TerminatedOn">Effective day of the current employment's termination (possibly in the future).</param>
/// <param name="TerminationReason">Its reason.</param>
/// <param name="CandidateId">The candidate hired, when any.</param>
/// <param name="PersonalDataErased">Whether the person's data was erased.</param>
/// <param name="Version">Stream version.</param>
public sealed record EmployeeView(
    Guid Id, Guid SubjectId, string? Name, string? Email, string Position, Guid DepartmentId, Guid? ManagerId, EmployeeStatus Status,
    DateOnly StartDate, EmploymentType EmploymentType, DateOnly? ContractEndsOn, string? Agency, string? UserName,
    DateOnly? TerminatedOn, TerminationReason? TerminationReason, Guid? CandidateId, bool PersonalDataErased, long Version)
{
    internal static EmployeeView Of(Employee e, PersonalValues.Held held, DateOnly day, long version)
    {
        var current = e.Employments.Count > 0 ? e.Employments[^1] : null;
        return new EmployeeView(e.Id, e.SubjectId, held[PersonalFields.Name], held[PersonalFields.Email], e.Position, e.DepartmentId, e.ManagerId,
            e.StatusOn(day), e.StartDate, e.EmploymentType, e.ContractEndsOn, e.Agency, e.UserName, current?.EndsOn, current?.Reason,
            e.CandidateId, held.Erased, version);
    }
}
