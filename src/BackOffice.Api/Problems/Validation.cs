using FluentValidation;

namespace BackOffice.Api.Problems;

/// <summary>
/// Request-shape validation at the edge (FluentValidation): required fields, JSON types, and the bounds every input
/// declares in the OpenAPI document (<see cref="Bounds"/>: lengths, ranges, list sizes, read from the validators by
/// <see cref="OpenApi.ValidatorBounds"/>). The rules on values and states belong to the domain and come back as
/// <c>validation-failed</c> domain errors; where the domain bounds a value too, the validator states the same bound.
/// </summary>
public static class Validation
{
    /// <summary>Validates the body of type <typeparamref name="TRequest"/> with <typeparamref name="TValidator"/> before the handler runs.</summary>
    public static RouteHandlerBuilder Validates<TRequest, TValidator>(this RouteHandlerBuilder builder)
        where TValidator : IValidator<TRequest>, new()
        => builder.Validates<TRequest, TValidator>(optional: false);

    /// <summary>Validates the optional body of type <typeparamref name="TRequest"/> with <typeparamref name="TValidator"/>, when there is one.</summary>
    public static RouteHandlerBuilder ValidatesIfPresent<TRequest, TValidator>(this RouteHandlerBuilder builder)
        where TValidator : IValidator<TRequest>, new()
        => builder.Validates<TRequest, TValidator>(optional: true);

    private static RouteHandlerBuilder Validates<TRequest, TValidator>(this RouteHandlerBuilder builder, bool optional)
        where TValidator : IValidator<TRequest>, new()
    {
        var validator = new TValidator();
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null && optional) return await next(context).ConfigureAwait(false);
            if (request is null)
                return Problem.Result(ProblemCatalog.Codes.MalformedJson, "A JSON object body is required.", "body");
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted).ConfigureAwait(false);
            if (result.IsValid) return await next(context).ConfigureAwait(false);
            var errors = result.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
            return Problem.Result(Domain.Common.ErrorCodes.ValidationFailed,
                "The request is invalid: " + string.Join(", ", errors.Keys) + ".", errors: errors);
        });
    }

    /// <summary>Names properties in camelCase, as the JSON body does.</summary>
    public static void UseCamelCasePropertyNames()
        => ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
        {
            var name = member?.Name ?? expression?.ToString() ?? "";
            return System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
        };
}
