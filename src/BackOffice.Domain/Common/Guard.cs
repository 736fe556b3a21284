namespace BackOffice.Domain.Common;

/// <summary>Checks on command values that throw <see cref="DomainException"/> with <see cref="ErrorCodes.ValidationFailed"/>.</summary>
public static class Guard
{
    /// <summary>Requires a non-blank text of at most <paramref name="maxLength"/> characters and returns it trimmed.</summary>
    public static string Text(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) throw DomainException.Invalid(field, $"'{field}' is required.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) throw DomainException.Invalid(field, $"'{field}' must be at most {maxLength} characters.");
        return trimmed;
    }

    /// <summary>Returns <c>null</c> for a blank text, else the trimmed text of at most <paramref name="maxLength"/> characters.</summary>
    public static string? OptionalText(string? value, string field, int maxLength = 500)
        => string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    /// <summary>Requires <paramref name="value"/> ≥ <paramref name="min"/>.</summary>
    public static int AtLeast(int value, int min, string field)
        => value >= min ? value : throw DomainException.Invalid(field, $"'{field}' must be at least {min}.");

    /// <summary>Requires a non-negative amount with at most two decimals.</summary>
    public static decimal Money(decimal value, string field)
    {
        if (value < 0) throw DomainException.Invalid(field, $"'{field}' must not be negative.");
        if (decimal.Round(value, 2) != value) throw DomainException.Invalid(field, $"'{field}' must have at most 2 decimals.");
        return value;
    }
}
