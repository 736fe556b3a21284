using BackOffice.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace BackOffice.Api.Problems;

/// <summary>Gives framework answers without a body (unknown route, body too large, wrong media type) a problem body.</summary>
public static class StatusCodeProblems
{
    /// <summary>Status code pages handler.</summary>
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var (code, detail) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "No resource at this address."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.ValidationFailed, "This method is not allowed on this address."),
            StatusCodes.Status413PayloadTooLarge => (ProblemCatalog.Codes.PayloadTooLarge, "The request body must not exceed 1 MiB."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemCatalog.Codes.UnsupportedMediaType, "Send the body as application/json."),
            _ => (null, null),
        };
        if (code is null) return Task.CompletedTask;
        var problem = Problem.For(code, detail!);
        problem.Status = http.Response.StatusCode;
        return Problem.WriteAsync(http, problem);
    }
}
