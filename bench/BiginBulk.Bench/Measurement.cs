namespace BiginBulk.Bench;

/// <summary>One row of the table: a scenario's values over the runs, the baseline's, and their medians' ratio.</summary>
internal sealed class Measurement(string store, string scenario, string unit, string? baselineName, string target)
{
    public string Store { get; } = store;

    public string Scenario { get; } = scenario;

    public string Unit { get; } = unit;

    public string? BaselineName { get; } = baselineName;

    /// <summary>The target for this row, as text (for example "≤ 1.5× baseline").</summary>
    public string Target { get; } = target;

    public List<double> Values { get; } = [];

    public List<double> BaselineValues { get; } = [];

    public string? Note { get; set; }

    public double Median => MedianOf(Values);

    public double? BaselineMedian => BaselineValues.Count == 0 ? null : MedianOf(BaselineValues);

    public double? Ratio => BaselineMedian is { } baseline && baseline > 0 ? Median / baseline : null;

    private static double MedianOf(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
