using System.Globalization;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Values;

/// <summary>Numbers and booleans. Always invariant culture: a CSV means the same on every server.</summary>
public sealed partial class FieldValueParser
{
    /// <summary>A sign, digits and one '.', nothing else: no thousands separators (<c>1,000</c> is
    /// ambiguous across locales and collides with the delimiter), no exponent, no currency symbol.</summary>
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static ParsedValue ParseInteger(FieldDefinition field, string text, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return IsSignedDigits(text)
                ? ParsedValue.Invalid($"{Quote(text)} is out of range ({min} to {max})")
                : ParsedValue.Invalid($"expected a whole number, got {Quote(text)}");
        }

        if (value < min || value > max)
        {
            return ParsedValue.Invalid($"{Quote(text)} is out of range ({min} to {max})");
        }

        // Length is the field's maximum digits; leading zeros and the sign don't count.
        var digits = CountDigits(value);
        return field.Length > 0 && digits > field.Length
            ? ParsedValue.Invalid($"{digits} digits; {field.ApiName} allows at most {field.Length}")
            : ParsedValue.Of(value);
    }

    /// <summary>
    /// Decimal, currency and percent. The value is rounded half-to-even to the field's decimal places —
    /// Zoho rounds currency to its precision rather than rejecting extra places, and half-even keeps
    /// bulk sums unbiased. Length is the total digits, so the integer part may have
    /// <c>Length - DecimalPlaces</c>. Percent is not limited to 0-100, as Zoho's isn't.
    /// </summary>
    private static ParsedValue ParseDecimal(FieldDefinition field, string text)
    {
        if (!decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            return IsSignedDecimal(text)
                ? ParsedValue.Invalid($"{Quote(text)} is out of range")
                : ParsedValue.Invalid($"expected a number like 1234.56, got {Quote(text)}");
        }

        var places = Math.Clamp(field.DecimalPlaces, 0, 28);
        var rounded = Math.Round(value, places, MidpointRounding.ToEven);
        if (field.Length > 0)
        {
            var maxIntegerDigits = Math.Max(1, field.Length - places);
            var integerDigits = decimal.Truncate(Math.Abs(rounded)).ToString(CultureInfo.InvariantCulture).Length;
            if (integerDigits > maxIntegerDigits)
            {
                return ParsedValue.Invalid(
                    $"{integerDigits} digits before the decimal point; {field.ApiName} allows at most {maxIntegerDigits}");
            }
        }

        return ParsedValue.Of(rounded);
    }

    /// <summary>Zoho documents <c>true</c>/<c>false</c>; spreadsheets also export <c>1</c>/<c>0</c> and
    /// <c>yes</c>/<c>no</c>, which carry no ambiguity, so those are accepted too (any case).</summary>
    private static ParsedValue ParseBoolean(string text)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return ParsedValue.Of(true);
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" || text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return ParsedValue.Of(false);
        }

        return ParsedValue.Invalid($"expected true or false, got {Quote(text)}");
    }

    private static int CountDigits(long value) =>
        value == long.MinValue ? 19 : Math.Abs(value).ToString(CultureInfo.InvariantCulture).Length;

    private static bool IsSignedDigits(string text)
    {
        var digits = text.AsSpan().TrimStart("+-");
        return text.Length - digits.Length <= 1 && digits.Length > 0 && digits.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool IsSignedDecimal(string text)
    {
        var number = text.AsSpan().TrimStart("+-");
        var point = number.IndexOf('.');
        var withoutPoint = point < 0 ? number.ToString() : string.Concat(number[..point], number[(point + 1)..]);
        return text.Length - number.Length <= 1 && IsAllDigits(withoutPoint);
    }
}
