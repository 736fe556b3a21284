using BackOffice.Api.Problems;

namespace BackOffice.Api.Hosting;

/// <summary>The 1 MiB limit on request bodies (413 <c>payload-too-large</c>).</summary>
public static class BodySizeLimit
{
    /// <summary>The largest request body accepted (1 MiB).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses a declared body over <see cref="MaxBodyBytes"/> with 413 before anything reads it (Kestrel's own
    /// limit covers chunked bodies).
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await Problem.WriteAsync(http, ProblemCatalog.Codes.PayloadTooLarge, "The request body must not exceed 1 MiB.").ConfigureAwait(false);
            return;
        }
        await next(http).ConfigureAwait(false);
    });
}
