using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.Problems;

/// <summary>Builds RFC 9457 problem responses with the contract's <c>code</c> extension.</summary>
public static class Problem
{
    /// <summary>Content type of every problem response.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A problem for <paramref name="code"/>, with an optional field error (which adds <c>errors</c>).</summary>
    public static ProblemDetails For(string code, string detail, string? field = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = ProblemCatalog.TypeOf(code),
            Title = ProblemCatalog.TitleOf(code),
            Status = ProblemCatalog.StatusOf(code),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is null && field is not null) errors = new Dictionary<string, string[]> { [field] = [detail] };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>An <see cref="IResult"/> writing the problem with its status.</summary>
    public static IResult Result(string code, string detail, string? field = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = For(code, detail, field, errors);
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// Writes a problem from middleware that runs outside endpoint results, the same way endpoints do: through the
    /// problem result, which hands it to the registered <c>IProblemDetailsService</c> (one writer for every problem).
    /// 429 and 503 get a <c>Retry-After</c> when none was set.
    /// </summary>
    public static Task WriteAsync(HttpContext context, string code, string detail, string? field = null)
        => WriteAsync(context, For(code, detail, field));

    /// <summary>Writes <paramref name="problem"/> (its status is the response's).</summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Status is 429 or 503 && !context.Response.Headers.ContainsKey("Retry-After"))
            context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
