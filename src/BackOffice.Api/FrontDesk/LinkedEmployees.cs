using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>The employee a user name is linked to, and that employee's department.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="DepartmentId">Their department.</param>
public sealed record EmployeeOfUser(Guid EmployeeId, Guid DepartmentId);

/// <summary>
/// Who a caller is in the organisation: the employee linked to their user name (People's
/// <c>PUT /api/employees/{id}/user</c>). One seam, so that the acknowledgement and confidentiality rules do not depend
/// on how the link is stored.
/// </summary>
public interface IEmployeeDirectory
{
    /// <summary>The employee linked to <paramref name="userName"/> in the session's tenant, or null.</summary>
    Task<EmployeeOfUser?> OfUserAsync(IQuerySession session, string userName, CancellationToken cancellation);
}

/// <summary>People's link (<see cref="Projections.People.EmployeeDirectory"/>), as the front desk needs it.</summary>
public sealed class LinkedEmployees : IEmployeeDirectory
{
    /// <inheritdoc />
    public async Task<EmployeeOfUser?> OfUserAsync(IQuerySession session, string userName, CancellationToken cancellation)
        => await Projections.People.EmployeeDirectory.OfUserAsync(session, userName, cancellation).ConfigureAwait(false) is { } employee
            ? new EmployeeOfUser(employee.Id, employee.DepartmentId)
            : null;
}
