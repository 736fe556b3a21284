using BackOffice.Api.Identity;
using BackOffice.Api.PersonalData;
using BackOffice.Domain.FrontDesk;
using BackOffice.Projections.PersonalData;
using Marten;

namespace BackOffice.Api.FrontDesk;

/// <summary>Who an item is routed to.</summary>
/// <param name="EmployeeId">The addressed employee (null when a department is addressed).</param>
/// <param name="DepartmentId">The addressed department (null when an employee is addressed).</param>
public sealed record AddresseeView(Guid? EmployeeId, Guid? DepartmentId)
{
    internal static AddresseeView? Of(Addressee? a) => a is null ? null : new AddresseeView(a.EmployeeId, a.DepartmentId);
}

/// <summary>The correspondent's details (each null when not given or erased).</summary>
/// <param name="Name">Name.</param>
/// <param name="Organization">Organisation.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Phone">Phone.</param>
/// <param name="Address">Postal address.</param>
public sealed record CorrespondentView(string? Name, string? Organization, string? Email, string? Phone, string? Address);

/// <summary>The caller as a reader of correspondence: the confidentiality rule's input, resolved once per request.</summary>
internal static class CorrespondenceReaders
{
    /// <summary>The reader: their linked employee and department, and whether they act as hr (or admin).</summary>
    internal static async Task<CorrespondenceReader> OfAsync(IEmployeeDirectory directory, IQuerySession session, RequestContext request, CancellationToken cancellation)
    {
        var hr = request.Holds(Roles.Hr);
        if (hr) return new CorrespondenceReader(null, null, true);
        var employee = await directory.OfUserAsync(session, request.User, cancellation).ConfigureAwait(false);
        return new CorrespondenceReader(employee?.EmployeeId, employee?.DepartmentId, false);
    }

    /// <summary>The correspondent's values, or null when hidden or erased.</summary>
    internal static CorrespondentView? Correspondent(PersonalValues.Held held, bool shown)
        => !shown || held.Erased ? null
            : new CorrespondentView(held[PersonalFields.Name], held[CorrespondenceFields.Organization], held[PersonalFields.Email],
                held[PersonalFields.Phone], held[PersonalFields.Address]);
}
