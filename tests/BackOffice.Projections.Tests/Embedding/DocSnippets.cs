using System.Text.RegularExpressions;

namespace BackOffice.Projections.Tests.Embedding;

/// <summary>
/// Compares the code blocks of a Markdown page marked <c>&lt;!-- snippet: &lt;file&gt;#&lt;region&gt; --&gt;</c> (on the
/// line just before the opening fence) with the current text of that <c>#region</c> in the file, whitespace-normalised:
/// each line trimmed, runs of spaces collapsed, blank lines ignored.
/// </summary>
internal static partial class DocSnippets
{
    /// <summary>A marked code block.</summary>
    internal sealed record Snippet(string File, string Region, int Line, string Code);

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<file>[^#\s]+)#(?<region>[\w-]+)\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The marked code blocks of <paramref name="markdown"/>, with the (1-based) line of their marker.</summary>
    internal static IReadOnlyList<Snippet> Marked(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var result = new List<Snippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i].Trim());
            if (!marker.Success) continue;
            if (i + 1 >= lines.Length || !lines[i + 1].TrimStart().StartsWith("```", StringComparison.Ordinal))
                throw new FormatException($"line {i + 1}: the snippet marker for '{marker.Groups["region"].Value}' is not followed by a code fence");
            var end = Array.FindIndex(lines, i + 2, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (end < 0) throw new FormatException($"line {i + 2}: the code block of '{marker.Groups["region"].Value}' is not closed");
            result.Add(new Snippet(marker.Groups["file"].Value, marker.Groups["region"].Value, i + 1, string.Join('\n', lines[(i + 2)..end])));
            i = end;
        }
        return result;
    }

    /// <summary>The <c>#region name</c> … <c>#endregion</c> blocks of a C# source (nested regions allowed), by name.</summary>
    internal static IReadOnlyDictionary<string, string> Regions(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Stack<(string Name, int Start)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#region ", StringComparison.Ordinal)) open.Push((line["#region ".Length..].Trim(), i + 1));
            else if (line.StartsWith("#endregion", StringComparison.Ordinal))
            {
                if (open.Count == 0) throw new FormatException($"line {i + 1}: #endregion without #region");
                var (name, start) = open.Pop();
                if (!regions.TryAdd(name, string.Join('\n', lines[start..i]))) throw new FormatException($"region '{name}' is defined twice");
            }
        }
        if (open.Count > 0) throw new FormatException($"region '{open.Peek().Name}' is not closed");
        return regions;
    }

    /// <summary>The text compared: lines trimmed, whitespace runs collapsed, blank lines and region directives left out.</summary>
    internal static string Normalise(string code) => string.Join('\n', code.ReplaceLineEndings("\n").Split('\n')
        .Select(l => Spaces().Replace(l.Trim(), " "))
        .Where(l => l.Length > 0 && !l.StartsWith("#region ", StringComparison.Ordinal) && !l.StartsWith("#endregion", StringComparison.Ordinal)));

    /// <summary>
    /// Every way <paramref name="markdown"/>'s marked snippets differ from their regions: one message per snippet,
    /// naming the region, the page's line and the first line that differs. Empty when they all match.
    /// </summary>
    /// <param name="page">The page's name, for the messages.</param>
    /// <param name="markdown">The page.</param>
    /// <param name="readFile">Reads a file named by a marker (a path relative to the repository's root).</param>
    internal static IReadOnlyList<string> Drift(string page, string markdown, Func<string, string?> readFile)
    {
        var messages = new List<string>();
        var sources = new Dictionary<string, IReadOnlyDictionary<string, string>?>(StringComparer.Ordinal);
        foreach (var snippet in Marked(markdown))
        {
            if (!sources.TryGetValue(snippet.File, out var regions))
                sources[snippet.File] = regions = readFile(snippet.File) is { } text ? Regions(text) : null;
            if (regions is null)
            {
                messages.Add($"{page} line {snippet.Line}: region '{snippet.Region}': file {snippet.File} not found");
                continue;
            }
            if (!regions.TryGetValue(snippet.Region, out var region))
            {
                messages.Add($"{page} line {snippet.Line}: region '{snippet.Region}' is not in {snippet.File}");
                continue;
            }
            var expected = Normalise(region).Split('\n');
            var shown = Normalise(snippet.Code).Split('\n');
            if (expected.SequenceEqual(shown)) continue;
            var at = Enumerable.Range(0, Math.Max(expected.Length, shown.Length))
                .First(k => k >= expected.Length || k >= shown.Length || expected[k] != shown[k]);
            messages.Add($"{page} line {snippet.Line}: region '{snippet.Region}' of {snippet.File} has drifted: its line {at + 1} is "
                + $"'{(at < expected.Length ? expected[at] : "(end)")}', the page shows '{(at < shown.Length ? shown[at] : "(end)")}'");
        }
        return messages;
    }
}
