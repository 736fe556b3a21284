namespace BackOffice.Domain.Integration;

/// <summary>
/// The rule on webhook targets, in one place: an absolute <c>http</c> or <c>https</c> URL without credentials whose host
/// matches the deployment's allow-list (<c>BackOffice:Webhooks:AllowedHosts</c>). An entry is a host name or address
/// compared case-insensitively (<c>hooks.example.com</c>, <c>127.0.0.1</c>), or <c>*.example.com</c> for any subdomain
/// of <c>example.com</c>. An empty list allows nothing.
/// </summary>
public static class WebhookTarget
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>Whether <paramref name="host"/> matches an entry of <paramref name="allowedHosts"/>.</summary>
    public static bool IsAllowed(string host, IEnumerable<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        foreach (var entry in allowedHosts)
        {
            if (string.IsNullOrWhiteSpace(entry)) continue;
            var allowed = entry.Trim();
            if (allowed.StartsWith("*.", StringComparison.Ordinal))
            {
                if (host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1) return true;
            }
            else if (string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The URL, checked; <c>validation-failed</c> naming <c>url</c> otherwise.</summary>
    public static Uri Check(string? url, IEnumerable<string> allowedHosts)
    {
        var text = Guard.Text(url, "url", MaxLength);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw DomainException.Invalid("url", "'url' must be an absolute http or https URL.");
        if (uri.UserInfo.Length > 0)
            throw DomainException.Invalid("url", "'url' must not carry credentials: deliveries are signed with the secret instead.");
        if (uri.Fragment.Length > 0)
            throw DomainException.Invalid("url", "'url' must not have a fragment.");
        if (!IsAllowed(uri.IdnHost, allowedHosts))
            throw DomainException.Invalid("url", $"'url' targets host '{uri.IdnHost}', which is not in the deployment's allow-list (BackOffice:Webhooks:AllowedHosts).");
        return uri;
    }
}
