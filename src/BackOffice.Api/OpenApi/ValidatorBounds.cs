using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BackOffice.Api.Problems;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BackOffice.Api.OpenApi;

/// <summary>
/// Declares in each request schema what its FluentValidation validator enforces: <c>NotNull</c> → <c>required</c> and
/// not nullable; lengths → <c>maxLength</c>/<c>minLength</c>; comparisons and ranges → <c>minimum</c>/<c>maximum</c>;
/// <see cref="Bounds.MaxItems{T,TElement}"/> → <c>maxItems</c>; rules on each item (<c>RuleForEach</c>) → the
/// <c>items</c> schema. The validators are found in this assembly by the type they validate.
/// </summary>
internal sealed class ValidatorBounds : ISchemaFilter
{
    private static readonly ConcurrentDictionary<Type, IValidator?> Validators = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null) return;
        var validator = Validators.GetOrAdd(context.Type, Find);
        if (validator is null) return;
        var descriptor = validator.CreateDescriptor();
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = NullableReferenceProperties.JsonName(member);
            if (!concrete.Properties.TryGetValue(name, out var property)) continue;
            var rules = descriptor.GetRulesForMember(member.Name).Concat(descriptor.GetRulesForMember(name)).Distinct().ToList();
            foreach (var rule in rules)
            {
                var each = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                foreach (var component in rule.Components)
                {
                    var conditional = component.HasCondition || component.HasAsyncCondition;
                    if (!each && !conditional && component.Validator is INotNullValidator or INotEmptyValidator)
                    {
                        concrete.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                        concrete.Required.Add(name);
                        property = NotNull(concrete, name, property);
                    }
                    var target = each ? (property as OpenApiSchema)?.Items as OpenApiSchema : property as OpenApiSchema;
                    if (target is null && property is OpenApiSchema { AllOf.Count: > 0 }) continue;
                    if (target is not null) Declare(target, component.Validator);
                }
            }
        }
    }

    private static IOpenApiSchema NotNull(OpenApiSchema parent, string name, IOpenApiSchema property)
    {
        switch (property)
        {
            case OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper when wrapper.Properties is null:
                parent.Properties![name] = reference;   // the nullable wrapper of a $ref: the bare $ref says "never null"
                return reference;
            case OpenApiSchema inline when inline.Type is { } type:
                inline.Type = type & ~JsonSchemaType.Null;
                return inline;
            default:
                return property;
        }
    }

    private static void Declare(OpenApiSchema target, IPropertyValidator validator)
    {
        switch (validator)
        {
            case ILengthValidator length:
                if (length.Max > 0) target.MaxLength = length.Max;
                if (length.Min > 0) target.MinLength = length.Min;
                break;
            case IBetweenValidator between when validator is IInclusiveBetweenValidator:
                target.Minimum = Number(between.From);
                target.Maximum = Number(between.To);
                break;
            case IComparisonValidator { ValueToCompare: { } value } comparison:
                var text = Number(value);
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual: target.Minimum = text; break;
                    case Comparison.LessThanOrEqual: target.Maximum = text; break;
                }
                break;
            case IItemCountValidator count:
                target.MaxItems = count.Max;
                break;
        }
    }

    private static string Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static IValidator? Find(Type type)
    {
        var wanted = typeof(IValidator<>).MakeGenericType(type);
        var validatorType = typeof(ValidatorBounds).Assembly.GetTypes()
            .FirstOrDefault(t => !t.IsAbstract && wanted.IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
        return validatorType is null ? null : (IValidator)Activator.CreateInstance(validatorType)!;
    }
}
