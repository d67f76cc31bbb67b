using System.Text;

namespace BiginBulk.Core.Csv;

/// <summary>RFC 4180 output: a field is quoted only when it holds a comma, a quote or a line break.</summary>
public static class CsvText
{
    public const string NewLine = "\r\n";

    public static StringBuilder AppendField(StringBuilder line, string? field)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrEmpty(field))
        {
            return line;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return line.Append(field);
        }

        return line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
