namespace BackOffice.Domain.Equipment;

/// <summary>Assigns the device to an employee or to a department (exactly one). Their existence is the host's to check.</summary>
/// <param name="EmployeeId">The employee.</param>
/// <param name="DepartmentId">The department.</param>
public sealed record AssignDevice(Guid? EmployeeId, Guid? DepartmentId);

public sealed partial record Device
{
    /// <summary>Decides an assignment; the same assignment again decides nothing.</summary>
    public IReadOnlyList<IEquipmentEvent> Assign(AssignDevice command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireInService();
        if (command.EmployeeId is null == command.DepartmentId is null)
            throw DomainException.Invalid("employeeId", "Assign to an employee or to a department: exactly one of 'employeeId' and 'departmentId'.");
        var assignee = new Assignee(command.EmployeeId, command.DepartmentId);
        return assignee == AssignedTo ? [] : [new DeviceAssigned(Id, command.EmployeeId, command.DepartmentId)];
    }
}
