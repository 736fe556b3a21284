using System.Globalization;

namespace BackOffice.Domain.FrontDesk;

/// <summary>
/// A correspondence register number, <c>YYYY-NNNNNN</c>: the year of registration and the item's rank in that year's
/// register (from 1, without gaps, per tenant). The store hands out the ranks; the domain only formats and checks them.
/// </summary>
/// <param name="Year">The year of registration (UTC).</param>
/// <param name="Sequence">The rank in the year's register, 1–999,999.</param>
public readonly record struct RegisterNumber(int Year, int Sequence)
{
    /// <summary>The largest rank a year's register can hold (six digits).</summary>
    public const int MaxSequence = 999_999;

    /// <summary>A number, checked: year 1–9999, rank 1–<see cref="MaxSequence"/> (beyond it the year's register is full).</summary>
    public static RegisterNumber Of(int year, int sequence)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "A register year has four digits.");
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Register ranks start at 1.");
        if (sequence > MaxSequence)
            throw new DomainException(ErrorCodes.RegisterFull, $"The {year} register is full ({MaxSequence} items).");
        return new RegisterNumber(year, sequence);
    }

    /// <summary>Parses <c>YYYY-NNNNNN</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out RegisterNumber number)
    {
        number = default;
        if (text is not { Length: 11 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || year < 1 || sequence < 1) return false;
        number = new RegisterNumber(year, sequence);
        return true;
    }

    /// <summary><c>YYYY-NNNNNN</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Sequence:D6}");
}
