using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Api.OpenApi;

/// <summary>Declares, once, the problem statuses every route can answer, for the OpenAPI document.</summary>
public static class EndpointConventions
{
    private static readonly int[] CommonCommand =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
        StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable,
    ];

    private static readonly int[] CommonRead =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
        StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable,
    ];

    /// <summary>A command route: the common problems plus <paramref name="statuses"/>.</summary>
    public static RouteHandlerBuilder ProducesCommandProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in CommonCommand.Concat(statuses).Distinct().Order())
            builder.ProducesProblem(status);
        return builder.Accepts<object>(false, "application/json");
    }

    /// <summary>A read route: the common read problems.</summary>
    public static RouteHandlerBuilder ProducesReadProblems(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in CommonRead) builder.ProducesProblem(status);
        return builder;
    }
}
