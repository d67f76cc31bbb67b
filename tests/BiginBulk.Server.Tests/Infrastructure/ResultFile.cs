using System.Text;

namespace BiginBulk.Server.Tests.Infrastructure;

/// <summary>A write job's result CSV, parsed with a small RFC 4180 reader independent of the server's code.</summary>
public sealed record ResultFile(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IReadOnlyList<string> Statuses => [.. Rows.Select(r => Cell(r, "STATUS"))];

    public string Cell(IReadOnlyList<string> row, string column) => row[IndexOf(column)];

    public string Cell(int row, string column) => Rows[row][IndexOf(column)];

    public static ResultFile Parse(string csv)
    {
        var rows = ParseCsv(csv);
        return new ResultFile(rows[0], rows.Skip(1).ToList());
    }

    private int IndexOf(string column)
    {
        var index = Header.ToList().IndexOf(column);
        return index >= 0 ? index : throw new ArgumentException($"No column {column} in {string.Join(',', Header)}");
    }

    private static List<IReadOnlyList<string>> ParseCsv(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
