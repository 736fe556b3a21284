using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Api.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace BackOffice.Api.Demo;

/// <summary>
/// Runs the API's own routes in-process for the demo seeder: the route's endpoint (found by its pattern and method) is
/// invoked with a request built like one from the wire — a JSON body, the route values, an authenticated user of the
/// tenant with its roles (checked against the route's authorization policy), a correlation id and an audit reason —
/// inside <see cref="DemoClock.At"/>. So validation, the domain decision, <c>CommandExecutor</c> (transaction, audit
/// metadata, retries), personal data and workflow messages are exactly what an HTTP client would cause.
/// </summary>
internal sealed partial class DemoCalls(IServiceProvider services, string tenant)
{
    private readonly EndpointDataSource endpoints = services.GetRequiredService<EndpointDataSource>();
    private readonly IHttpContextAccessor accessor = services.GetRequiredService<IHttpContextAccessor>();
    private readonly IAuthorizationService authorization = services.GetRequiredService<IAuthorizationService>();
    private readonly IAuthorizationPolicyProvider policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
    private readonly JsonSerializerOptions json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>How many commands ran.</summary>
    public int Count { get; private set; }

    /// <summary>Runs <paramref name="pattern"/> (e.g. <c>/api/devices/{id:guid}/tickets</c>) with <paramref name="route"/>'s values.</summary>
    /// <returns>The answer's JSON body (an empty object when it has none).</returns>
    public async Task<JsonElement> Send(DemoActor actor, DateTimeOffset at, string correlation, string method, string pattern,
        object? route, object? body, string? reason, CancellationToken cancellation)
    {
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>().SingleOrDefault(e =>
                e.RoutePattern.RawText == pattern && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            ?? throw new InvalidOperationException($"No route {method} {pattern}.");
        var values = route?.GetType().GetProperties().ToDictionary(p => p.Name, p => Convert.ToString(p.GetValue(route), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            ?? [];
        var path = Parameter().Replace(pattern, m => values[m.Groups[1].Value]!);

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, actor.User), new Claim(Roles.TenantClaim, tenant), .. actor.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Demo", ClaimTypes.Name, ClaimTypes.Role));
        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()).ConfigureAwait(false) ?? await policies.GetFallbackPolicyAsync().ConfigureAwait(false);
        if (policy is not null && !(await authorization.AuthorizeAsync(principal, policy).ConfigureAwait(false)).Succeeded)
            throw new InvalidOperationException($"{actor.User} may not {method} {path}.");

        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("demo.local");
        http.Request.Path = path;
        foreach (var (name, value) in values) http.Request.RouteValues[name] = value;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body ?? new { }, json);
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = bytes.Length;
        http.Request.Body = new MemoryStream(bytes);
        using var answer = new MemoryStream();
        http.Response.Body = answer;
        http.RequestAborted = cancellation;
        http.SetEndpoint(endpoint);

        var request = scope.ServiceProvider.GetRequiredService<RequestContext>();
        request.SetPrincipal(principal);
        request.CorrelationId = correlation;
        request.Reason = reason;
        var previous = accessor.HttpContext;
        accessor.HttpContext = http;
        try
        {
            using (DemoClock.At(at))
                await endpoint.RequestDelegate!(http).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Demo seed: {actor.User} {method} {path} failed: {ex.Message}", ex);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
        Count++;
        var text = System.Text.Encoding.UTF8.GetString(answer.ToArray());
        if (http.Response.StatusCode >= 400)
            throw new InvalidOperationException($"Demo seed: {actor.User} {method} {path} was answered {http.Response.StatusCode}: {text}");
        return text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex Parameter();

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

/// <summary>A member of the demo office: the user name commands are recorded under, and the roles it acts with.</summary>
/// <param name="User">The user name (the Development API key of the same name signs in as it).</param>
/// <param name="Roles">Its roles.</param>
internal sealed record DemoActor(string User, params string[] Roles);
