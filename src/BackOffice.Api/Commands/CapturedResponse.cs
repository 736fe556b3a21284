namespace BackOffice.Api.Commands;

/// <summary>
/// A command's answer rendered to bytes before the transaction commits, so that the same bytes can be stored for
/// idempotent replay and written to the client.
/// </summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Body bytes.</param>
/// <param name="ContentType">Content type.</param>
/// <param name="Location">Location header.</param>
/// <param name="ETag">ETag header.</param>
/// <param name="Replayed">True when answered from an idempotency record.</param>
public sealed record CapturedResponse(int Status, byte[] Body, string? ContentType, string? Location, string? ETag, bool Replayed = false) : IResult
{
    /// <summary>Renders <paramref name="result"/> against a scratch context of <paramref name="http"/>'s services.</summary>
    public static async Task<CapturedResponse> CaptureAsync(IResult result, HttpContext http, string? etag)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(http);
        var scratch = new DefaultHttpContext { RequestServices = http.RequestServices };
        using var buffer = new MemoryStream();
        scratch.Response.Body = buffer;
        await result.ExecuteAsync(scratch).ConfigureAwait(false);
        return new CapturedResponse(scratch.Response.StatusCode, buffer.ToArray(), scratch.Response.ContentType,
            scratch.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, etag);
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        if (ContentType is not null) response.ContentType = ContentType;
        if (Location is not null) response.Headers.Location = Location;
        if (ETag is not null) response.Headers.ETag = ETag;
        if (Replayed) response.Headers["Idempotency-Replayed"] = "true";
        await response.Body.WriteAsync(Body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
