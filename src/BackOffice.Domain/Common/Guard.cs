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

    /// <summary>Requires an ISO 4217 currency code: three capital letters (<c>EUR</c>, <c>USD</c>).</summary>
    public static string Currency(string value, string field)
        => value is { Length: 3 } && value.All(c => c is >= 'A' and <= 'Z')
            ? value
            : throw DomainException.Invalid(field, $"'{field}' must be an ISO 4217 code: three capital letters such as EUR.");

    /// <summary>Requires a plausible e-mail address (one '@', no spaces, a dotted domain) of at most 254 characters; returns it trimmed.</summary>
    public static string Email(string? value, string field)
    {
        var email = Text(value, field, 254);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = at < 0 ? "" : email[(at + 1)..];
        if (at < 1 || domain.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)
            || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
            throw DomainException.Invalid(field, $"'{field}' is not a valid e-mail address.");
        return email;
    }

    /// <summary>Returns <c>null</c> for a blank phone number, else the trimmed number (digits, spaces, + - ( ) . only, at most 32 characters, at least 3 digits).</summary>
    public static string? OptionalPhone(string? value, string field)
    {
        var phone = OptionalText(value, field, 32);
        if (phone is null) return null;
        if (!phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.') || phone.Count(char.IsAsciiDigit) < 3)
            throw DomainException.Invalid(field, $"'{field}' is not a valid phone number.");
        return phone;
    }
}
