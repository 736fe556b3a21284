namespace BackOffice.Domain.Recruiting;

/// <summary>Opens a job opening.</summary>
/// <param name="JobOpeningId">The id the new opening gets (made at the edge, Guid v7).</param>
/// <param name="Title">Job title (1–200).</param>
/// <param name="DepartmentId">The hiring department (its existence is the host's to check).</param>
/// <param name="HiringManager">User name of the hiring manager, optional (at most 100).</param>
/// <param name="Positions">How many people to hire (≥ 1).</param>
public sealed record OpenJobOpening(Guid JobOpeningId, string Title, Guid DepartmentId, string? HiringManager, int Positions);

public sealed partial record JobOpening
{
    /// <summary>Decides the opening of a job opening.</summary>
    public static IReadOnlyList<IJobOpeningEvent> Open(OpenJobOpening command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var title = Guard.Text(command.Title, "title");
        if (command.DepartmentId == Guid.Empty) throw DomainException.Invalid("departmentId", "'departmentId' is required.");
        var manager = Guard.OptionalText(command.HiringManager, "hiringManager", 100);
        var positions = Guard.AtLeast(command.Positions, 1, "positions");
        return [new JobOpeningOpened(command.JobOpeningId, title, command.DepartmentId, manager, positions)];
    }
}
