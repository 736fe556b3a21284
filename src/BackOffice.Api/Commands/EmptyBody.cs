using System.Text.Json;

namespace BackOffice.Api.Commands;

/// <summary>
/// For commands with no fields: the body may be empty or a JSON object (<c>{}</c>; its members are ignored). Anything
/// else is refused as other commands refuse it: 415 for another media type, 400 <c>malformed-json</c> for bad JSON.
/// </summary>
public static class EmptyBody
{
    /// <summary>Accepts an empty body or a JSON object.</summary>
    public static RouteHandlerBuilder AcceptsEmptyBody(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
            if (!hasBody) return await next(context).ConfigureAwait(false);
            if (!request.HasJsonContentType())
                return Problem.Result(ProblemCatalog.Codes.UnsupportedMediaType, "Send the body as application/json, or no body.");
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.HttpContext.RequestAborted).ConfigureAwait(false);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                    return Problem.Result(ProblemCatalog.Codes.MalformedJson, "The body must be a JSON object ({}) or empty.", "body");
            }
            catch (JsonException)
            {
                return Problem.Result(ProblemCatalog.Codes.MalformedJson, "The body is not valid JSON.", "body");
            }
            return await next(context).ConfigureAwait(false);
        });
    }
}
