using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;

namespace BackOffice.Api.Problems;

/// <summary>
/// The bounds every request input declares and the edge enforces (strings: <c>maxLength</c>; numbers: <c>minimum</c>
/// and <c>maximum</c>; lists: <c>maxItems</c>), written once in each request's validator: the OpenAPI document reads
/// them from there (<see cref="OpenApi.ValidatorBounds"/>), so what the document declares is what the API refuses.
/// Where the domain has a rule of its own (a text's length, a quantity ≥ 1), the validator states the same bound, with
/// the domain's wording; where none existed, the bound is new (documented in ADR 0019 and the closing note).
/// </summary>
public static class Bounds
{
    /// <summary>The common length of a free-text reason or note (the domain's default for optional texts).</summary>
    public const int Reason = 500;
    /// <summary>The common length of a name or short text (the domain's default for required texts).</summary>
    public const int Text = 200;
    /// <summary>A user name (the credential's), as everywhere in the domain.</summary>
    public const int UserName = 100;
    /// <summary>The largest stock quantity one command moves or counts: far beyond any office's stores.</summary>
    public const int Quantity = 1_000_000;
    /// <summary>The largest amount of money one input carries (a line, a price, a salary, a threshold).</summary>
    public const decimal Money = 1_000_000_000m;
    /// <summary>The smallest positive amount of money (2 decimals).</summary>
    public const decimal Cent = 0.01m;

    /// <summary>At most <paramref name="max"/> characters, in the domain's words.</summary>
    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, int max)
        => rule.MaximumLength(max).WithMessage($"'{{PropertyName}}' must be at most {max.ToString(CultureInfo.InvariantCulture)} characters.");

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> inclusive (absent is left to the other rules).</summary>
    public static IRuleBuilderOptions<T, int?> Within<T>(this IRuleBuilder<T, int?> rule, int min, int max)
        => rule.InclusiveBetween(min, max).WithMessage($"'{{PropertyName}}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> inclusive (absent is left to the other rules).</summary>
    public static IRuleBuilderOptions<T, decimal?> Within<T>(this IRuleBuilder<T, decimal?> rule, decimal min, decimal max)
        => rule.InclusiveBetween(min, max).WithMessage($"'{{PropertyName}}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>A list of at most <paramref name="max"/> items (absent is left to the other rules).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TElement>?> MaxItems<T, TElement>(this IRuleBuilder<T, IReadOnlyList<TElement>?> rule, int max)
        => rule.SetValidator(new ItemCountValidator<T, TElement>(max));
}

/// <summary>A list's largest number of items, readable by the OpenAPI document (<c>maxItems</c>).</summary>
public interface IItemCountValidator
{
    /// <summary>The largest number of items.</summary>
    int Max { get; }
}

/// <summary>Refuses a list of more than <see cref="Max"/> items.</summary>
internal sealed class ItemCountValidator<T, TElement>(int max) : PropertyValidator<T, IReadOnlyList<TElement>?>, IItemCountValidator
{
    public int Max => max;

    public override string Name => "ItemCountValidator";

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TElement>? value) => value is null || value.Count <= max;

    protected override string GetDefaultMessageTemplate(string errorCode)
        => $"'{{PropertyName}}' must have at most {max.ToString(CultureInfo.InvariantCulture)} items.";
}
