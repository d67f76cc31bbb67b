namespace BiginBulk.Client;

internal static class CsvText
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Escape(string value) =>
        value.IndexOfAny(NeedsQuotes) < 0 && !value.StartsWith(' ') && !value.EndsWith(' ')
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Escape));
}
