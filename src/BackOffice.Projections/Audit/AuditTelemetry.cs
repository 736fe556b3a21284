using System.Diagnostics.Metrics;

namespace BackOffice.Projections.Audit;

/// <summary>
/// Instruments of the hash chain's verification, on the <c>BackOffice</c> meter (the API's <c>BackOfficeTelemetry</c>
/// exports that meter; an embedder adds it to its own OpenTelemetry set-up with <c>AddMeter("BackOffice")</c>).
/// Recorded by <see cref="HashChainVerifier"/> itself, so every verification counts, from the API or from an embedder.
/// </summary>
internal static class AuditTelemetry
{
    /// <summary>The meter's name (the same as the API's own instruments).</summary>
    internal const string MeterName = "BackOffice";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Verifications run, by tenant and outcome (<c>valid</c>, <c>broken</c>, <c>failed</c>: an error or a cancellation).</summary>
    internal static readonly Counter<long> Verifications = Meter.CreateCounter<long>(
        "backoffice.audit.verifications", "{verification}", "Hash chain verifications run, by outcome");

    /// <summary>How long a verification took, by tenant and outcome.</summary>
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "backoffice.audit.verification.duration", "s", "Duration of hash chain verifications", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });

    /// <summary>Breaks found, by tenant and reason (<see cref="ChainBreak.Reason"/>): any of them is an alert.</summary>
    internal static readonly Counter<long> Breaks = Meter.CreateCounter<long>(
        "backoffice.audit.chain_breaks", "{break}", "Breaks found in the hash chain by verifications, by reason");

    /// <summary>Events whose link a verification recomputed and found matching.</summary>
    internal static readonly Counter<long> VerifiedEvents = Meter.CreateCounter<long>(
        "backoffice.audit.verified_events", "{event}", "Events whose chain link verifications recomputed and matched");
}
