using BackOffice.Domain.People;
using Marten;
using Marten.Linq.MatchesSql;

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

/// <summary>
/// Reads the link from the employee snapshot's <c>userName</c> (the field People's <c>EmployeeUserLinked</c> sets),
/// in the session's tenant. Written against the stored JSON so that it works before and after the People context
/// gains the typed property; switch to <c>e.UserName == userName</c> once it is merged.
/// </summary>
public sealed class EmployeeDirectory : IEmployeeDirectory
{
    /// <inheritdoc />
    public async Task<EmployeeOfUser?> OfUserAsync(IQuerySession session, string userName, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrEmpty(userName)) return null;
        var employee = await session.Query<Employee>()
            .Where(e => e.MatchesSql("d.data ->> 'userName' = ?", userName))
            .OrderBy(e => e.Id)
            .FirstOrDefaultAsync(cancellation).ConfigureAwait(false);
        return employee is null ? null : new EmployeeOfUser(employee.Id, employee.DepartmentId);
    }
}
