namespace BiginBulk.Client;

/// <summary>
/// Joins the files of an export's pages into one: CSV keeps the first page's header only; ICS keeps one
/// VCALENDAR around the events of every page.
/// </summary>
internal sealed class ExportMerger(TextWriter output)
{
    private bool _first = true;
    private bool _ics;

    public async Task AppendAsync(TextReader page, bool ics, CancellationToken cancellationToken)
    {
        _ics = ics;
        var inEvents = false;
        var lineNumber = 0;
        while (await page.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (ics)
            {
                if (line.StartsWith("BEGIN:VEVENT", StringComparison.Ordinal))
                {
                    inEvents = true;
                }

                if (line.StartsWith("END:VCALENDAR", StringComparison.Ordinal))
                {
                    break;
                }

                // The calendar's preamble (VERSION, PRODID, …) comes from the first page only.
                if (!_first && !inEvents)
                {
                    continue;
                }
            }
            else if (!_first && lineNumber == 1)
            {
                continue;
            }

            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        _first = false;
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_ics && !_first)
        {
            await output.WriteLineAsync("END:VCALENDAR".AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }
}
