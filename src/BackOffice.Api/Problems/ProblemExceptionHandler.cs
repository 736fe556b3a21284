using System.Net.Sockets;
using System.Text.Json;
using BackOffice.Domain.Common;
using BackOffice.Projections.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace BackOffice.Api.Problems;

/// <summary>
/// Maps every exception that escapes an endpoint to a problem of the contract's error table: domain errors by their
/// code, unique-key violations to their duplicate code, malformed or oversized bodies, and an unreachable database
/// to 503 with <c>Retry-After</c>. Anything else is logged and answered 500 without internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (code, detail, field) = Classify(exception);
        if (code == ProblemCatalog.Codes.Internal)
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        else if (code == ProblemCatalog.Codes.Unavailable)
            LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        await Problem.WriteAsync(httpContext, code, detail, field).ConfigureAwait(false);
        return true;
    }

    /// <summary>The problem code, detail and field for an exception.</summary>
    public static (string Code, string Detail, string? Field) Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is DomainException domain) return (domain.Code, domain.Message, domain.Field);
        if (exception is BadHttpRequestException bad) return FromBadRequest(bad);
        if (Find<JsonException>(exception) is { } json) return Malformed(json);
        if (Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } unique
            && UniqueKeys.For(unique.ConstraintName) is { } key)
            return (key.Code, $"Another record of your tenant already has this '{key.Field}'.", key.Field);
        if (IsUnavailable(exception))
            return (ProblemCatalog.Codes.Unavailable, "The database cannot be reached. Retry after the delay in Retry-After.", null);
        return (ProblemCatalog.Codes.Internal, "An unexpected error occurred. Quote the X-Correlation-Id of this response.", null);
    }

    private static (string, string, string?) FromBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => (ProblemCatalog.Codes.PayloadTooLarge, "The request body must not exceed 1 MiB.", null),
        StatusCodes.Status415UnsupportedMediaType => (ProblemCatalog.Codes.UnsupportedMediaType, "Send the body as application/json.", null),
        _ when Find<JsonException>(bad) is { } json => Malformed(json),
        _ when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            => (ProblemCatalog.Codes.MalformedJson, "A JSON object body is required.", "body"),
        _ when BindFailure().Match(bad.Message) is { Success: true } m
            => (ErrorCodes.ValidationFailed, $"'{Camel(m.Groups["name"].Value)}' does not have a valid value for its type.", Camel(m.Groups["name"].Value)),
        _ => (ErrorCodes.ValidationFailed, bad.Message, null),
    };

    /// <summary>ASP.NET Core's message for a route or query parameter that does not parse: names the parameter.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?:[^\"]* )?(?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static (string, string, string?) Malformed(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return (ProblemCatalog.Codes.MalformedJson, $"The body is not valid JSON for this route at '{field}'.", field);
    }

    private static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                                               || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                               || pg.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true }:
                case InvalidOperationException { Source: "Npgsql" }:   // a pooled connection broken by a server restart
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is T match) return match;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, PathString path);
}
