using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BiginBulk.Cli.Commands;

/// <summary>"12,000/25,000 rows 3,400/s" for a job's progress bar.</summary>
internal sealed class RowsColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var speed = task.Speed is { } s ? $" {s.ToString("N0", CultureInfo.InvariantCulture)}/s" : "";
        return new Text($"{task.Value.ToString("N0", CultureInfo.InvariantCulture)}/{task.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} rows{speed}");
    }
}
