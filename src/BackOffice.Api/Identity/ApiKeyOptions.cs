namespace BackOffice.Api.Identity;

/// <summary>API keys of the deployment (section <c>BackOffice:ApiKeys</c>): each bound to a user, a tenant and roles.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The configured keys.</summary>
    public List<ApiKey> Keys { get; init; } = [];
}

/// <summary>One API key.</summary>
public sealed class ApiKey
{
    /// <summary>The secret sent in <c>X-Api-Key</c>.</summary>
    public string Key { get; init; } = "";
    /// <summary>The acting user's name.</summary>
    public string User { get; init; } = "";
    /// <summary>The tenant the key belongs to.</summary>
    public string Tenant { get; init; } = "";
    /// <summary>Roles held.</summary>
    public List<string> Roles { get; init; } = [];
}
