using BackOffice.Domain.Intranet;
using BackOffice.Domain.People;
using BackOffice.Projections.People;
using Marten;

namespace BackOffice.Api.Intranet;

/// <summary>
/// Who a notice addresses, through People: the caller is the employee linked to their user name
/// (<see cref="EmployeeDirectory.OfUserAsync"/>), the addressees are the employees of the audience employed on the day.
/// </summary>
public static class NoticeAudiences
{
    /// <summary>The caller as an acknowledger, or null when no employee is linked to their user name.</summary>
    public static async Task<Acknowledger?> CallerAsync(IQuerySession session, string userName, DateOnly today, CancellationToken cancellation)
    {
        var employee = await EmployeeDirectory.OfUserAsync(session, userName, cancellation).ConfigureAwait(false);
        return employee is null ? null : new Acknowledger(employee.Id, employee.DepartmentId, employee.IsEmployedOn(today));
    }

    /// <summary>The employees <paramref name="audience"/> addresses, employed on <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<Employee>> AddresseesAsync(IQuerySession session, NoticeAudience audience, DateOnly today, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(audience);
        IQueryable<Employee> query = session.Query<Employee>();
        if (!audience.AllStaff)
        {
            var departments = audience.DepartmentIds.ToArray();
            query = query.Where(e => departments.Contains(e.DepartmentId));
        }
        var employees = await query.ToListAsync(cancellation).ConfigureAwait(false);
        return [.. employees.Where(e => e.IsEmployedOn(today)).OrderBy(e => e.Id)];
    }

    /// <summary>Today (UTC) by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
