namespace BackOffice.Domain.Recruiting;

/// <summary>The recruiting funnel's arithmetic, in one place for every read of it.</summary>
public static class Funnel
{
    /// <summary>Conversion from application to a stage: reached ÷ applied, 4 decimals; 0 with no application.</summary>
    /// <param name="reached">Candidates who ever reached the stage.</param>
    /// <param name="applied">Candidates who applied.</param>
    public static decimal Conversion(int reached, int applied) => applied == 0 ? 0 : Math.Round((decimal)reached / applied, 4);

    /// <summary>
    /// The average time spent in a stage by those who left it, from per-candidate totals (seconds, stays); <c>null</c>
    /// when nobody left it.
    /// </summary>
    /// <param name="stays">Per candidate: the seconds spent in the stage over all stays, and the number of stays.</param>
    public static double? AverageSeconds(IEnumerable<(double TotalSeconds, long Count)> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        double total = 0;
        long count = 0;
        foreach (var (seconds, n) in stays)
        {
            total += seconds;
            count += n;
        }
        return count > 0 ? total / count : null;
    }
}
