namespace BackOffice.Domain.Equipment;

/// <summary>
/// Downtime, repair cost, MTTR and MTBF of one device or of a group of devices (ADR 14). A failure is a down period:
/// from the report of a fault while no other ticket was open, to the resolution that leaves no ticket open
/// (overlapping tickets make one failure, so downtime is never counted twice).
/// <list type="bullet">
/// <item>Downtime: the sum of the closed down periods (a period still open is not counted until it closes).</item>
/// <item>MTTR (mean time to repair): downtime ÷ the number of closed down periods.</item>
/// <item>MTBF (mean time between failures): the up time before each failure (from registration, or from the end of the
/// previous down period, to the report that starts the failure) ÷ the number of failures.</item>
/// </list>
/// Hours are rounded to 2 decimals; a figure over no failure is <c>null</c>.
/// </summary>
/// <param name="Failures">Down periods started.</param>
/// <param name="RepairedFailures">Down periods closed.</param>
/// <param name="Downtime">Total length of the closed down periods.</param>
/// <param name="UptimeBeforeFailures">Total up time preceding each failure.</param>
/// <param name="RepairCost">Total cost of the repairs (money).</param>
public sealed record Reliability(int Failures, int RepairedFailures, TimeSpan Downtime, TimeSpan UptimeBeforeFailures, decimal RepairCost)
{
    /// <summary>Nothing measured.</summary>
    public static readonly Reliability None = new(0, 0, TimeSpan.Zero, TimeSpan.Zero, 0m);

    /// <summary>Downtime in hours.</summary>
    public decimal DowntimeHours => Hours(Downtime);

    /// <summary>Mean time to repair in hours, <c>null</c> before the first repaired failure.</summary>
    public decimal? MttrHours => RepairedFailures == 0 ? null : decimal.Round(Raw(Downtime) / RepairedFailures, 2);

    /// <summary>Mean time between failures in hours, <c>null</c> before the first failure.</summary>
    public decimal? MtbfHours => Failures == 0 ? null : decimal.Round(Raw(UptimeBeforeFailures) / Failures, 2);

    /// <summary>The figures of one device, from its down periods and its tickets' repairs.</summary>
    public static Reliability Of(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var (failures, repaired, down, up) = (0, 0, TimeSpan.Zero, TimeSpan.Zero);
        var upSince = device.RegisteredAt;
        foreach (var period in device.DownPeriods)
        {
            failures++;
            if (period.Start > upSince) up += period.Start - upSince;
            if (period.End is not { } end) break;
            repaired++;
            down += end - period.Start;
            upSince = end;
        }
        var cost = device.Tickets.Sum(t => t.Repair?.Cost ?? 0m);
        return new Reliability(failures, repaired, down, up, cost);
    }

    /// <summary>The figures of a group of devices: totals added, means over all their failures (not a mean of means).</summary>
    public static Reliability Sum(IEnumerable<Reliability> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(None, (a, b) => new Reliability(a.Failures + b.Failures, a.RepairedFailures + b.RepairedFailures,
            a.Downtime + b.Downtime, a.UptimeBeforeFailures + b.UptimeBeforeFailures, a.RepairCost + b.RepairCost));
    }

    private static decimal Raw(TimeSpan span) => (decimal)span.Ticks / TimeSpan.TicksPerHour;

    private static decimal Hours(TimeSpan span) => decimal.Round(Raw(span), 2);
}
