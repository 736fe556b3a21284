namespace BackOffice.Api.WebConsole;

/// <summary>The console's assets (its style sheet), embedded in the API assembly and served by it: nothing from a CDN.</summary>
public static class ConsoleAssets
{
    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = Load();

    /// <summary>The asset, or 404.</summary>
    public static IResult Get(string name)
        => Files.TryGetValue(name, out var file) ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound();

    private static Dictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        const string prefix = "BackOffice.Api.Console.Assets.";
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[prefix.Length..];
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8"
                : name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8"
                : name.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "application/octet-stream";
            files[name] = (type, copy.ToArray());
        }
        return files;
    }
}
