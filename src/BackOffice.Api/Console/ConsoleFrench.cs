namespace BackOffice.Api.WebConsole;

/// <summary>The console's French words, keyed by the English text.</summary>
internal static class ConsoleFrench
{
    internal static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Skip to content"] = "Aller au contenu",
    };
}
