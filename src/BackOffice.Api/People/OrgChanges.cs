using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Common;
using BackOffice.Domain.People;
using Marten;
using Npgsql;

namespace BackOffice.Api.People;

/// <summary>
/// What org-chart commands share (ADR 0011): a tenant-wide transaction-scoped advisory lock, taken in the command's
/// transaction before the state that decides a cycle is read, so that two changes that would together close a cycle
/// are serialised (the second reads what the first committed); and the loading of the chain above a new parent or
/// manager from current state.
/// </summary>
internal static class OrgChanges
{
    // First key of pg_advisory_xact_lock(int, int): the "org changes" lock class (the two-key form is a lock space of its
    // own, apart from the idempotency records' one-key locks); the second key is the tenant's.
    private const int LockClass = 0x4F52_4731;   // "ORG1"

    /// <summary>Waits for the tenant's org-change lock, held until the command's transaction ends (commit or rollback).</summary>
    internal static async Task LockAsync(CommandExecutor executor, RequestContext request, CancellationToken cancellation)
    {
        var transaction = executor.Transaction ?? throw new InvalidOperationException("Org changes run inside a command.");
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(@class, @tenant)", transaction.Connection, transaction);
        command.Parameters.AddWithValue("class", LockClass);
        command.Parameters.AddWithValue("tenant", TenantKey(request.Tenant));
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>A stable 32-bit key for a tenant (SHA-256, not <c>string.GetHashCode</c>, which differs per process).</summary>
    internal static int TenantKey(string tenant) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes("org:" + tenant)), 0);

    /// <summary>The manager and their managers up to the top (empty for no manager); 404 when the manager does not exist.</summary>
    internal static async Task<IReadOnlyList<Guid>> ManagerChainAsync(IQuerySession session, Guid? managerId, CancellationToken cancellation)
    {
        var chain = new List<Guid>();
        for (var current = managerId == Guid.Empty ? null : managerId; current is { } id && !chain.Contains(id);)
        {
            var employee = await session.LoadAsync<Employee>(id, cancellation).ConfigureAwait(false);
            if (employee is null)
            {
                if (chain.Count == 0) throw DomainException.NotFound($"Employee {id}");
                break;
            }
            chain.Add(id);
            current = employee.ManagerId;
        }
        return chain;
    }

    /// <summary>The department and its ancestors up to the top (empty for none); 404 when the department does not exist.</summary>
    internal static async Task<IReadOnlyList<Guid>> DepartmentChainAsync(IQuerySession session, Guid? departmentId, CancellationToken cancellation)
    {
        var chain = new List<Guid>();
        for (var current = departmentId == Guid.Empty ? null : departmentId; current is { } id && !chain.Contains(id);)
        {
            var department = await session.LoadAsync<Department>(id, cancellation).ConfigureAwait(false);
            if (department is null)
            {
                if (chain.Count == 0) throw DomainException.NotFound($"Department {id}");
                break;
            }
            chain.Add(id);
            current = department.ParentId;
        }
        return chain;
    }

    /// <summary>404 unless the department exists.</summary>
    internal static async Task EnsureDepartmentAsync(IQuerySession session, Guid departmentId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Department>(departmentId, cancellation).ConfigureAwait(false) is null)
            throw DomainException.NotFound($"Department {departmentId}");
    }
}
