using System.Globalization;

namespace BackOffice.Api.WebConsole;

/// <summary>
/// The console's words and formats in one language: English (the source text) or French (a small dictionary keyed by
/// the English text; a missing entry falls back to English). Dates, instants, numbers and amounts are formatted per
/// language by cultures built here (the API runs with invariant globalization, so no system culture data is needed).
/// </summary>
public sealed class ConsoleText
{
    /// <summary>The languages offered.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    /// <summary>English.</summary>
    public static readonly ConsoleText English = new("en", Culture("en"), new Dictionary<string, string>(StringComparer.Ordinal));
    /// <summary>French.</summary>
    public static readonly ConsoleText French = new("fr", Culture("fr"), ConsoleFrench.Words);

    private readonly IReadOnlyDictionary<string, string> words;

    private ConsoleText(string language, CultureInfo culture, IReadOnlyDictionary<string, string> words)
    {
        Language = language;
        CultureInfo = culture;
        this.words = words;
    }

    /// <summary>The language code (<c>en</c>, <c>fr</c>).</summary>
    public string Language { get; }
    /// <summary>The formatting culture.</summary>
    public CultureInfo CultureInfo { get; }

    /// <summary>The text in this language.</summary>
    public string this[string english] => words.TryGetValue(english, out var translated) ? translated : english;

    /// <summary>A composite text (<c>{0}</c> placeholders) formatted in this language.</summary>
    public string Format(string english, params object?[] args) => string.Format(CultureInfo, this[english], args);

    /// <summary>The language for a code (English unless French).</summary>
    public static ConsoleText For(string? language) => language == "fr" ? French : English;

    /// <summary>An instant, in UTC, as this language writes it.</summary>
    public string Instant(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString(CultureInfo.DateTimeFormat.FullDateTimePattern, CultureInfo) : "—";

    /// <summary>A day as this language writes it.</summary>
    public string Date(DateOnly? day) => day is { } d ? d.ToString(CultureInfo.DateTimeFormat.LongDatePattern, CultureInfo) : "—";

    /// <summary>An amount with two decimals and grouped thousands.</summary>
    public string Amount(decimal amount) => amount.ToString("N2", CultureInfo);

    /// <summary>A whole number with grouped thousands.</summary>
    public string Number(long n) => n.ToString("N0", CultureInfo);

    /// <summary>A share (0–1) as a percentage.</summary>
    public string Percent(double share) => (share * 100).ToString("N1", CultureInfo) + (Language == "fr" ? "\u202F%" : "%");

    /// <summary>A duration in seconds, in days or hours as fits.</summary>
    public string Duration(double? seconds)
    {
        if (seconds is not { } s) return "—";
        return s >= 86_400 ? Format("{0} d", (s / 86_400).ToString("N1", CultureInfo)) : Format("{0} h", (s / 3_600).ToString("N1", CultureInfo));
    }

    private static CultureInfo Culture(string language)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        var dates = culture.DateTimeFormat;
        if (language == "fr")
        {
            numbers.NumberDecimalSeparator = ",";
            numbers.NumberGroupSeparator = "\u202F";
            string[] months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", ""];
            dates.MonthNames = months;
            dates.MonthGenitiveNames = months;
            dates.DayNames = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
            dates.LongDatePattern = "d MMMM yyyy";
            dates.FullDateTimePattern = "d MMMM yyyy 'à' HH:mm:ss 'UTC'";
        }
        else
        {
            numbers.NumberDecimalSeparator = ".";
            numbers.NumberGroupSeparator = ",";
            dates.LongDatePattern = "d MMMM yyyy";
            dates.FullDateTimePattern = "d MMMM yyyy, HH:mm:ss 'UTC'";
        }
        return CultureInfo.ReadOnly(culture);
    }
}
