namespace BackOffice.Api.Requests;

/// <summary>
/// Accepts or generates the correlation id (echoed on every response, errors included) and reads the audit reason
/// into <see cref="RequestContext"/>; <see cref="CaptureIdentity"/> adds the authenticated identity. Both open
/// logging scopes, so every log line of the request carries correlation id, tenant and user.
/// </summary>
public sealed class RequestContextMiddleware(RequestDelegate next, ILogger<RequestContextMiddleware> logger)
{
    private const int MaxCorrelationLength = 100;
    private const int MaxReasonLength = 500;

    public async Task InvokeAsync(HttpContext http, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(context);
        var correlation = http.Request.Headers[RequestContext.CorrelationHeader].ToString();
        var invalidCorrelation = correlation.Length > MaxCorrelationLength || correlation.Any(char.IsControl);
        context.CorrelationId = string.IsNullOrWhiteSpace(correlation) || invalidCorrelation ? Guid.CreateVersion7().ToString() : correlation;
        var echoed = context.CorrelationId;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[RequestContext.CorrelationHeader] = echoed;
            return Task.CompletedTask;
        });

        if (invalidCorrelation)
        {
            await Problem.WriteAsync(http, Domain.Common.ErrorCodes.ValidationFailed,
                $"{RequestContext.CorrelationHeader} must be at most {MaxCorrelationLength} printable characters.", RequestContext.CorrelationHeader).ConfigureAwait(false);
            return;
        }
        if (QueryLimits.TooLong(http.Request.Query) is { } parameter)
        {
            await Problem.WriteAsync(http, Domain.Common.ErrorCodes.ValidationFailed,
                $"'{parameter}' must be at most {QueryLimits.MaxLength} characters.", parameter).ConfigureAwait(false);
            return;
        }
        var reason = http.Request.Headers[RequestContext.ReasonHeader].ToString();
        // Control characters (new lines, escapes) would forge lines in audit exports and logs: refused.
        if (reason.Length > MaxReasonLength || reason.Any(char.IsControl))
        {
            await Problem.WriteAsync(http, Domain.Common.ErrorCodes.ValidationFailed,
                $"{RequestContext.ReasonHeader} must be at most {MaxReasonLength} characters, without control characters.", RequestContext.ReasonHeader).ConfigureAwait(false);
            return;
        }
        context.Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = context.CorrelationId }))
        {
            await next(http).ConfigureAwait(false);
        }
    }

    /// <summary>After authentication: the identity (user, tenant, roles) and a logging scope with them.</summary>
    public static async Task CaptureIdentity(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        var context = http.RequestServices.GetRequiredService<RequestContext>();
        if (http.User.Identity?.IsAuthenticated == true) context.SetPrincipal(http.User);
        var logger = http.RequestServices.GetRequiredService<ILogger<RequestContextMiddleware>>();
        using (logger.BeginScope(new Dictionary<string, object> { ["Tenant"] = context.Tenant, ["User"] = context.User }))
        {
            await next(http).ConfigureAwait(false);
        }
    }
}

/// <summary>The bound on query-string values.</summary>
public static class QueryLimits
{
    /// <summary>The most characters a query parameter's value may have (every filter, id and instant fits).</summary>
    public const int MaxLength = 200;

    /// <summary>The first parameter whose value is longer than <see cref="MaxLength"/>, if any.</summary>
    public static string? TooLong(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.FirstOrDefault(q => q.Value.Any(v => v is { Length: > MaxLength })).Key;
    }
}
