using BackOffice.Domain.People;
using BackOffice.Projections.Infrastructure;
using Marten;

namespace BackOffice.Projections.People;

/// <summary>Finds employees by the user name linked to them (the "who is asking" of inboxes and "mine" views).</summary>
public static class EmployeeDirectory
{
    /// <summary>
    /// The employee linked to <paramref name="userName"/> in the session's tenant, or <c>null</c> when none is (the
    /// link is unique per tenant: the <see cref="UniqueKeys.EmployeeUserName"/> index). Reads the inline snapshot, so
    /// a link committed before the query is seen.
    /// </summary>
    public static async Task<Employee?> OfUserAsync(IQuerySession session, string userName, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(userName)) return null;
        return await session.Query<Employee>().Where(e => e.UserName == userName).FirstOrDefaultAsync(cancellation).ConfigureAwait(false);
    }
}
