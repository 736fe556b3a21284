using BackOffice.Domain.Common;

namespace BackOffice.Api.Commands;

/// <summary>Stream versions as strong ETags (<c>"N"</c>) and the <c>If-Match</c> request header.</summary>
public static class ETags
{
    /// <summary>The ETag for a stream version.</summary>
    public static string Of(long version) => $"\"{version}\"";

    /// <summary>The version the request's <c>If-Match</c> demands, or <c>null</c> without the header.</summary>
    /// <exception cref="DomainException">The header is not a single <c>"N"</c>.</exception>
    public static long? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0) return null;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length >= 3 && value[0] == '"' && value[^1] == '"'
            && long.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            && version >= 1)
            return version;
        throw DomainException.Invalid("If-Match", "If-Match must be a single ETag \"N\" as returned by this API.");
    }
}
