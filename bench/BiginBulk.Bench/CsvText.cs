using System.Text;

namespace BiginBulk.Bench;

/// <summary>RFC 4180 writing: a cell with a comma, quote or line break is quoted, quotes doubled.</summary>
internal static class CsvText
{
    public static void AppendRow(StringBuilder line, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                line.Append(cell);
            }
            else
            {
                line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }

        line.Append('\n');
    }
}
