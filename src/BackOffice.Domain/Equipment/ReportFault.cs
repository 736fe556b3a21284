namespace BackOffice.Domain.Equipment;

/// <summary>Reports a fault: opens a ticket. A device may have several tickets at once.</summary>
/// <param name="Symptom">What goes wrong (1–1000), about the device.</param>
/// <param name="Severity">How bad.</param>
public sealed record ReportFault(string Symptom, FaultSeverity Severity);

public sealed partial record Device
{
    /// <summary>Decides a fault report; the new ticket's id comes from <paramref name="context"/>.</summary>
    public IReadOnlyList<IEquipmentEvent> ReportFault(ReportFault command, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireInService();
        if (!Enum.IsDefined(command.Severity)) throw DomainException.Invalid("severity", "'severity' must be Low, Medium, High or Critical.");
        return [new DeviceFaultReported(Id, context.NewId(), Guard.Text(command.Symptom, "symptom", 1000), command.Severity, context.User, context.Now)];
    }
}
