namespace BackOffice.Bench;

/// <summary>The clerk key scripts/bench.sh configures on the API it starts (long enough for the production start-up checks).</summary>
internal static class BenchKeys
{
    public const string Clerk = "bench-clerk-api-key-0123456789abcdef0123456789";
}
