using System.Globalization;

namespace BiginBulk.Core.Csv;

/// <summary>
/// Checks a CSV's header when a bulk-write job is created, without reading its rows: the request path does no
/// row work (DESIGN), but a file that cannot be imported at all should be refused there, not by a worker later.
/// </summary>
public static class CsvHeaderReader
{
    /// <summary>Zoho's limit: "200 column headers" per CSV (contract notes §1.6).</summary>
    public const int DefaultMaxColumns = 200;

    /// <summary>
    /// Reads the header of <paramref name="csv"/> (left open) with the same detection as <see cref="CsvRowReader"/>.
    /// Column names are compared exactly, after trimming, when looking for duplicates; unnamed columns (a
    /// trailing delimiter) are allowed, since fields are mapped by index.
    /// </summary>
    public static async Task<CsvHeader> ReadHeaderAsync(
        Stream csv,
        string? characterEncoding = null,
        int maxColumns = DefaultMaxColumns,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (characterEncoding is not null && !CsvEncodingDetector.TryGetEncoding(characterEncoding, out _))
        {
            return CsvHeader.Invalid(CsvHeaderProblem.UnknownEncoding, CsvEncodingDetector.UnknownEncodingMessage(characterEncoding));
        }

        CsvRowReader reader;
        try
        {
            var options = new CsvReaderOptions { CharacterEncoding = characterEncoding, LeaveOpen = true };
            reader = await CsvRowReader.OpenAsync(csv, options, cancellationToken);
        }
        catch (CsvHeaderException ex)
        {
            return CsvHeader.Invalid(ex.Problem, ex.Message);
        }

        await using (reader)
        {
            return Check(reader.Headers, maxColumns) ?? CsvHeader.Valid(reader.Headers, reader.Delimiter, reader.EncodingName);
        }
    }

    private static CsvHeader? Check(IReadOnlyList<string> columns, int maxColumns)
    {
        if (columns.Count > maxColumns)
        {
            return CsvHeader.Invalid(
                CsvHeaderProblem.TooManyColumns,
                string.Create(CultureInfo.InvariantCulture, $"The CSV has {columns.Count} columns; at most {maxColumns} are allowed."));
        }

        if (columns.All(string.IsNullOrEmpty))
        {
            return CsvHeader.Invalid(CsvHeaderProblem.NoHeader, "The first row of the CSV must hold the column names; it is empty.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length == 0)
            {
                continue;
            }

            if (!seen.TryAdd(columns[i], i))
            {
                return CsvHeader.Invalid(
                    CsvHeaderProblem.DuplicateColumn,
                    string.Create(CultureInfo.InvariantCulture, $"The column '{columns[i]}' appears twice in the header, in columns {seen[columns[i]] + 1} and {i + 1}."));
            }
        }

        return null;
    }
}
