namespace BiginBulk.Core.Csv;

/// <summary>
/// Zoho auto-detects the delimiter of a bulk-write CSV from its header row, among comma, semicolon, colon
/// and pipe (contract notes §1.6). Semicolons come from spreadsheets in locales where the comma is the
/// decimal separator.
/// </summary>
public static class CsvDelimiterDetector
{
    /// <summary>The delimiters Zoho accepts, in the order that breaks ties.</summary>
    public static IReadOnlyList<char> Candidates { get; } = [',', ';', ':', '|'];

    /// <summary>
    /// Returns the candidate that occurs most often outside quotes in the header row, or a comma when none
    /// occurs (a single-column file). Leading blank lines are skipped and the header row ends at the first
    /// line break outside quotes, so only the header is looked at even when <paramref name="text"/> holds more.
    /// </summary>
    public static char Detect(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Candidates.Count];
        var inQuotes = false;
        var seenContent = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes; // a doubled quote toggles twice, which is what it should do
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                if (seenContent)
                {
                    break;
                }

                continue;
            }
            else if (!inQuotes)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    if (c == Candidates[i])
                    {
                        counts[i]++;
                    }
                }
            }

            seenContent |= !char.IsWhiteSpace(c) && c != '\uFEFF';
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return counts[best] > 0 ? Candidates[best] : ',';
    }
}
