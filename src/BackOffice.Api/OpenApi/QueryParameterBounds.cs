using System.Globalization;
using BackOffice.Api.Audit;
using BackOffice.Api.Requests;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>A query parameter a route reads by hand (not bound from its signature), declared for the OpenAPI document.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Description">What it filters.</param>
/// <param name="Type">Its JSON type (string or integer).</param>
/// <param name="Format">Its format (uuid, date-time, int32, int64), if any.</param>
/// <param name="Minimum">The smallest value, for integers.</param>
/// <param name="Maximum">The largest value, for integers.</param>
public sealed record DeclaredQueryParameter(string Name, string Description, JsonSchemaType Type, string? Format = null, long? Minimum = null, long? Maximum = null);

/// <summary>
/// Declares the bound every query parameter is held to: <c>page</c> 1–1,000,000 and <c>pageSize</c> 1–200
/// (<see cref="Reads.PageQuery"/>), <c>limit</c> 1–1000, <c>after</c> ≥ 0, <c>withinDays</c> 0–365, <c>year</c>
/// 1–9999, <c>fiscalYear</c> 1900–9999 (each refused outside by its route), and every other string parameter at most
/// <see cref="QueryLimits.MaxLength"/> characters (refused beyond by <see cref="RequestContextMiddleware"/>). Adds the
/// parameters a route reads by hand (<see cref="DeclaredQueryParameter"/> metadata).
/// </summary>
internal sealed class QueryParameterBounds : IOperationFilter
{
    private static readonly Dictionary<string, (long Min, long Max)> Integers = new(StringComparer.Ordinal)
    {
        ["page"] = (1, Reads.PageQuery.MaxPage),
        ["pageSize"] = (1, Reads.PageQuery.MaxPageSize),
        ["limit"] = (1, AuditFilter.MaxLimit),
        ["after"] = (0, long.MaxValue),
        ["withinDays"] = (0, 365),
        ["year"] = (1, 9999),
        ["fiscalYear"] = (1900, 9999),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Parameters ??= [];
        foreach (var declared in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DeclaredQueryParameter>())
        {
            var schema = new OpenApiSchema { Type = declared.Type, Format = declared.Format };
            if (declared.Minimum is { } min) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
            if (declared.Maximum is { } max) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
            operation.Parameters.Add(new OpenApiParameter { Name = declared.Name, In = ParameterLocation.Query, Description = declared.Description, Schema = schema });
        }
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            if (parameter.Schema is not OpenApiSchema schema || schema.Type is not { } type) continue;
            if (type.HasFlag(JsonSchemaType.Integer) && Integers.TryGetValue(parameter.Name ?? "", out var range))
            {
                schema.Minimum ??= range.Min.ToString(CultureInfo.InvariantCulture);
                schema.Maximum ??= range.Max.ToString(CultureInfo.InvariantCulture);
            }
            else if (type.HasFlag(JsonSchemaType.String) && schema.Format is null && schema.Enum is null)
            {
                schema.MaxLength ??= QueryLimits.MaxLength;
            }
        }
    }
}
