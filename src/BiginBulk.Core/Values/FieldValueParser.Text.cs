using System.Text.RegularExpressions;
using BiginBulk.Core.Modules;

namespace BiginBulk.Core.Values;

/// <summary>Text-like types: text, email, phone, website and picklists.</summary>
public sealed partial class FieldValueParser
{
    /// <summary>RFC 5321's limit on a whole address; also bounds the regex's work on hostile input.</summary>
    private const int MaxEmailLength = 254;

    private static ParsedValue ParseText(FieldDefinition field, string text) =>
        CheckLength(field, text) ?? ParsedValue.Of(text);

    private static ParsedValue ParseEmail(FieldDefinition field, string text) =>
        CheckLength(field, text)
        ?? (IsEmailAddress(text) ? ParsedValue.Of(text) : ParsedValue.Invalid($"expected an email address, got {Quote(text)}"));

    private static ParsedValue ParsePhone(FieldDefinition field, string text) =>
        CheckLength(field, text)
        ?? (PhonePattern().IsMatch(text) ? ParsedValue.Of(text) : ParsedValue.Invalid($"expected a phone number, got {Quote(text)}"));

    private static ParsedValue ParseWebsite(FieldDefinition field, string text) =>
        CheckLength(field, text)
        ?? (IsWebsite(text) ? ParsedValue.Of(text) : ParsedValue.Invalid($"expected a web address, got {Quote(text)}"));

    private static ParsedValue ParsePicklist(FieldDefinition field, string text) =>
        FindPicklistValue(field, text) is { } canonical
            ? ParsedValue.Of(canonical)
            : ParsedValue.Invalid($"{Quote(text)} is not a value of picklist {field.ApiName}");

    /// <summary>Zoho separates the chosen values with ';'. Empty entries (a trailing ';') are ignored,
    /// repeats are dropped, and the rest keep the file's order.</summary>
    private static ParsedValue ParseMultiSelect(FieldDefinition field, string text)
    {
        var values = new List<string>();
        foreach (var entry in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (FindPicklistValue(field, entry) is not { } canonical)
            {
                return ParsedValue.Invalid($"{Quote(entry)} is not a value of picklist {field.ApiName}");
            }

            if (!values.Contains(canonical, StringComparer.Ordinal))
            {
                values.Add(canonical);
            }
        }

        return values.Count == 0
            ? ParsedValue.Empty
            : CheckLength(field, string.Join(';', values)) ?? ParsedValue.Of(values.ToArray());
    }

    private static string? FindPicklistValue(FieldDefinition field, string text) =>
        field.PicklistValues.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Lengths count UTF-16 code units, as Java's <c>String.length()</c> does on Zoho's side, so an emoji
    /// counts two. A field with no length (0) has no limit.
    /// </summary>
    private static ParsedValue? CheckLength(FieldDefinition field, string text) =>
        field.Length > 0 && text.Length > field.Length
            ? ParsedValue.Invalid($"{text.Length} characters; {field.ApiName} allows at most {field.Length}")
            : null;

    private static bool IsEmailAddress(string text) =>
        text.Length <= MaxEmailLength && EmailPattern().IsMatch(text);

    /// <summary>An http(s) URL, or a bare host like <c>www.example.com/path</c>; other schemes are rejected.</summary>
    private static bool IsWebsite(string text)
    {
        if (text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var hasScheme = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!hasScheme && text.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        // Credentials in a website field are almost always a mistyped address ("mailto:x@y.com").
        if (!Uri.TryCreate(hasScheme ? text : "http://" + text, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return uri.HostNameType switch
        {
            UriHostNameType.Dns => uri.Host.Contains('.', StringComparison.Ordinal) && !uri.Host.EndsWith('.'),
            UriHostNameType.IPv4 or UriHostNameType.IPv6 => true,
            _ => false,
        };
    }

    /// <summary>local@domain.tld: dot-separated atoms, labels that don't start or end with '-', a TLD that
    /// starts with a letter and has two characters or more. Letters may be non-ASCII (internationalised addresses).</summary>
    [GeneratedRegex(
        @"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*[\p{L}\p{N}]\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>Digits with + ( ) - . and spaces (at least one digit), then an optional extension:
    /// <c>x123</c>, <c>ext 123</c>, <c>ext. 123</c>, <c>extension 123</c>.</summary>
    [GeneratedRegex(
        @"^\+?(?=[().\- ]*[0-9])[0-9().\- ]+(?:(?:x|ext\.?|extension)\s*[0-9]+)?\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();
}
