namespace BackOffice.Bench;

/// <summary>The clerk and accountant keys scripts/bench.sh configures on the API it starts (long enough for the production start-up checks).</summary>
internal static class BenchKeys
{
    public const string Clerk = "bench-clerk-api-key-0123456789abcdef0123456789";
    public const string Accountant = "bench-accountant-api-key-0123456789abcdef01234";
}
